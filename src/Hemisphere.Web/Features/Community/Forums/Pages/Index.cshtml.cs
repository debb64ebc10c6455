using System.Globalization;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Hemisphere.Features.Community.Forums.Pages;

[Authorize]
public sealed class IndexModel(ForumService forums) : ForumPage
{
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];
    public bool IsModerator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await forums.CategoriesAsync(User.Actor(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        IsModerator = ForumPolicy.IsModerator(User.Actor());
    }
}
