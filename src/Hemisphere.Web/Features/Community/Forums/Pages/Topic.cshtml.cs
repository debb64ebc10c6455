using System.Globalization;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Forums.Pages;

[Authorize]
public sealed class TopicModel(ForumService forums, IStringLocalizer<SharedResource> l) : ForumPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Quote { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public Guid? QuotedPostId { get; set; }

    public TopicDto View { get; private set; } = null!;
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];

    private string Here => $"/forums/topics/{Id}" + (PageNumber is { } p ? $"?page={p}" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        // "Quote" fills the reply with the quoted post as a Markdown quote.
        if (Quote is { } q && View.Posts.Items.FirstOrDefault(p => p.Id == q) is { } quoted)
        {
            QuotedPostId = quoted.Id;
            Body = $"> **{quoted.AuthorName}:**\n" + string.Join('\n', quoted.Body.Split('\n').Select(line => "> " + line)) + "\n\n";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        var outcome = await forums.ReplyAsync(User.Actor(), Id, new PostInput(Body, QuotedPostId), ct);
        var message = outcome.IsOk && outcome.Value!.State == "pending" ? (string)l["Forums.HeldForApproval"] : null;
        return await AnswerAsync(outcome, message, outcome.IsOk ? $"/forums/topics/{Id}?page=last#post-{outcome.Value!.Id}" : "", () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostReactAsync(Guid postId, string kind, CancellationToken ct) =>
        await AnswerAsync(await forums.ReactAsync(User.Actor(), postId, new ReactionInput(kind), ct), null, Here + $"#post-{postId}", () => LoadAsync(ct));

    public async Task<IActionResult> OnPostFlagAsync(Guid postId, string? reason, CancellationToken ct) =>
        await AnswerAsync(await forums.FlagAsync(User.Actor(), postId, new FlagInput(reason), ct), l["Forums.Flagged"], Here, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostAcceptAsync(Guid? postId, CancellationToken ct) =>
        await AnswerAsync(await forums.AcceptAsync(User.Actor(), Id, postId, ct), null, Here, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostFollowAsync(bool follow, CancellationToken ct) =>
        await AnswerAsync(await forums.FollowTopicAsync(User.Actor(), Id, follow, ct), l[follow ? "Forums.Following" : "Forums.NotFollowing"], Here, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostModerateAsync(string action, Guid? postId, Guid? categoryId, Guid? targetTopicId, CancellationToken ct)
    {
        var actor = User.Actor();
        Outcome<bool> outcome = action switch
        {
            "lock" => await forums.LockAsync(actor, Id, true, ct),
            "unlock" => await forums.LockAsync(actor, Id, false, ct),
            "pin" => await forums.PinAsync(actor, Id, true, ct),
            "unpin" => await forums.PinAsync(actor, Id, false, ct),
            "move" => await forums.MoveAsync(actor, Id, new MoveInput(categoryId), ct),
            "merge" => await forums.MergeAsync(actor, Id, new MergeInput(targetTopicId), ct),
            "hide" when postId is { } p => await forums.SetPostStateAsync(actor, p, PostState.Hidden, ct),
            "restore" when postId is { } p => await forums.SetPostStateAsync(actor, p, PostState.Visible, ct),
            _ => Outcome<bool>.Invalid("action", l["Validation.InvalidValue"]),
        };
        var back = action == "merge" && targetTopicId is { } target && outcome.IsOk ? $"/forums/topics/{target}" : Here;
        return await AnswerAsync(outcome, l["Common.Saved"], back, () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var page = Request.Query["page"] == "last" ? int.MaxValue / ForumService.PostsPageSize : PageNumber;
        var view = await forums.TopicAsync(User.Actor(), Id, page, lang, ct);
        if (view is null) return false;
        if (view.Posts.PageNumber > Math.Max(1, view.Posts.PageCount) && view.Posts.PageCount > 0)
            view = await forums.TopicAsync(User.Actor(), Id, view.Posts.PageCount, lang, ct) ?? view;
        View = view;
        if (view.CanModerate) Categories = await forums.CategoriesAsync(User.Actor(), lang, ct);
        return true;
    }
}
