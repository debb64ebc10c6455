using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Forums.Pages;

[Authorize]
public sealed class ModerationModel(ForumService forums, IStringLocalizer<SharedResource> l) : ForumPage
{
    public ModerationQueueDto Queue { get; private set; } = new([], []);
    [BindProperty] public Guid? SilenceUser { get; set; }
    [BindProperty] public DateTimeOffset? SilenceUntil { get; set; }
    [BindProperty] public string? SilenceReason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostHideAsync(Guid postId, CancellationToken ct) =>
        await AnswerAsync(await forums.SetPostStateAsync(User.Actor(), postId, PostState.Hidden, ct), l["Common.Saved"], "/forums/moderation", () => LoadAsync(ct));

    public async Task<IActionResult> OnPostApproveAsync(Guid postId, CancellationToken ct) =>
        await AnswerAsync(await forums.SetPostStateAsync(User.Actor(), postId, PostState.Visible, ct), l["Common.Saved"], "/forums/moderation", () => LoadAsync(ct));

    public async Task<IActionResult> OnPostDismissAsync(Guid flagId, CancellationToken ct) =>
        await AnswerAsync(await forums.DismissFlagAsync(User.Actor(), flagId, ct), l["Common.Saved"], "/forums/moderation", () => LoadAsync(ct));

    public async Task<IActionResult> OnPostSilenceAsync(CancellationToken ct) =>
        await AnswerAsync(await forums.SilenceAsync(User.Actor(), new SilenceInput(SilenceUser, SilenceUntil, SilenceReason), ct), l["Common.Saved"], "/forums/moderation", () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var queue = await forums.ModerationQueueAsync(User.Actor(), ct);
        if (queue is null) return false;
        Queue = queue;
        return true;
    }
}
