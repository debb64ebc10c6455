using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Forums.Pages;

[Authorize]
public sealed class PostEditModel(ForumService forums, IStringLocalizer<SharedResource> l) : ForumPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Body { get; set; }
    public IReadOnlyList<RevisionDto> Revisions { get; private set; } = [];
    public Guid TopicId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var post = await forums.PostAsync(User.Actor(), Id, ct);
        if (post is null) return NotFound();
        Body = post.Value.Body;
        TopicId = post.Value.TopicId;
        Revisions = await forums.RevisionsAsync(User.Actor(), Id, ct) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var post = await forums.PostAsync(User.Actor(), Id, ct);
        if (post is null) return NotFound();
        TopicId = post.Value.TopicId;
        var outcome = await forums.EditAsync(User.Actor(), Id, new PostInput(Body, null), ct);
        return await AnswerAsync(outcome, l["Common.Saved"], $"/forums/topics/{TopicId}#post-{Id}", async () => Revisions = await forums.RevisionsAsync(User.Actor(), Id, ct) ?? []);
    }
}
