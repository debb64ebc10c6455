using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Community.Chat.Pages;

/// <summary>
/// A room: its history rendered on the server (older pages by ?before=), a form that posts a message and
/// reloads, and the owner's member list. With JavaScript, /js/chat.js adds live delivery through the hub.
/// </summary>
[RequestSizeLimit(ChatApi.UploadLimit), RequestFormLimits(MultipartBodyLengthLimit = ChatApi.UploadLimit)]
public sealed class RoomModel(ChatService chat, UserManager<User> users, IOptions<ChatOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public Guid? Before { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Email { get; set; }

    public ChatRoomDto Room { get; private set; } = null!;
    public ChatHistoryDto History { get; private set; } = new([], false);
    public Guid Me { get; private set; }
    public bool IsOwner => Room.Role == "owner";
    public bool CanModerate { get; private set; }
    public int MaxLength => options.Value.MaxLength;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        // Reading the newest page marks the room read.
        if (Before is null && Room.IsMember && History.Items.Count > 0) await chat.MarkReadAsync(User.Actor(), Room.Id, History.Items[^1].Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken ct)
    {
        var room = await chat.VisibleRoomAsync(User.Actor(), Slug, ct);
        if (room is null) return NotFound();
        Outcome<ChatMessageDto> outcome;
        if (upload is not null)
        {
            await using var stream = upload.OpenReadStream();
            outcome = await chat.PostAsync(User.Actor(), room.Id, Body, new ChatUpload(stream, upload.FileName), ct);
        }
        else outcome = await chat.PostAsync(User.Actor(), room.Id, Body, null, ct);
        return await AnswerAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid messageId, CancellationToken ct)
    {
        Edit = messageId;
        return await AnswerAsync(await chat.EditAsync(User.Actor(), messageId, Body, ct), ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid messageId, CancellationToken ct) =>
        await AnswerAsync(await chat.DeleteAsync(User.Actor(), messageId, ct), ct);

    public async Task<IActionResult> OnPostJoinAsync(CancellationToken ct)
    {
        var room = await chat.VisibleRoomAsync(User.Actor(), Slug, ct);
        if (room is null) return NotFound();
        return await AnswerAsync(await chat.JoinAsync(User.Actor(), room.Id, ct), ct);
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        var room = await chat.VisibleRoomAsync(User.Actor(), Slug, ct);
        if (room is null) return NotFound();
        var outcome = await chat.LeaveAsync(User.Actor(), room.Id, ct);
        if (!outcome.IsOk) return await AnswerAsync(outcome, ct);
        TempData["Message"] = (string)l["Chat.Left"];
        return Redirect("/chat");
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var room = await chat.VisibleRoomAsync(User.Actor(), Slug, ct);
        if (room is null) return NotFound();
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError(nameof(Email), l["Chat.UnknownUser"]);
            await LoadAsync(ct);
            return Page();
        }
        return await AnswerAsync(await chat.InviteAsync(User.Actor(), room.Id, user.Id, ct), ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken ct)
    {
        var room = await chat.VisibleRoomAsync(User.Actor(), Slug, ct);
        if (room is null) return NotFound();
        return await AnswerAsync(await chat.RemoveAsync(User.Actor(), room.Id, userId, ct), ct);
    }

    private async Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok: return Redirect("/chat/" + Slug);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                ModelState.AddOutcomeErrors(outcome);
                if (outcome.Kind == OutcomeKind.Conflict && outcome.Detail is not null) ModelState.AddModelError("", outcome.Detail);
                if (!await LoadAsync(ct)) return NotFound();
                Response.StatusCode = outcome.Kind == OutcomeKind.TooManyRequests ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        var room = await chat.RoomAsync(actor, Slug, ct);
        if (room is null) return false;
        Room = room;
        Me = actor.UserId!.Value;
        CanModerate = ChatPolicy.CanModerate(actor);
        var history = await chat.HistoryAsync(actor, room.Id, Before, null, ChatLimits.PageSize, ct);
        History = history.Value ?? new ChatHistoryDto([], false);
        return true;
    }
}
