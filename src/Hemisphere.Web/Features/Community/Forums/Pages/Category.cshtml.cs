using System.Globalization;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Forums.Pages;

[Authorize]
public sealed class CategoryModel(ForumService forums, IStringLocalizer<SharedResource> l) : ForumPage
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }

    public CategoryPageDto View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTopicAsync(CancellationToken ct)
    {
        var outcome = await forums.CreateTopicAsync(User.Actor(), Slug, new TopicInput(Title, Body), ct);
        return await AnswerAsync(outcome, null, outcome.IsOk ? $"/forums/topics/{outcome.Value!.Id}" : "", () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostFollowAsync(bool follow, CancellationToken ct) =>
        await AnswerAsync(await forums.FollowCategoryAsync(User.Actor(), Slug, follow, ct), l[follow ? "Forums.Following" : "Forums.NotFollowing"], $"/forums/{Slug}", () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await forums.CategoryAsync(User.Actor(), Slug, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, PageRequest.From(PageNumber, ForumService.TopicsPageSize, ForumService.TopicsPageSize), ct);
        if (view is null) return false;
        View = view;
        return true;
    }
}
