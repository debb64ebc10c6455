using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Community.Chat.Pages;

/// <summary>The member's rooms with unread counts, the public rooms to join, and a form to open a room.</summary>
public sealed class IndexModel(ChatService chat) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Description { get; set; }

    public IReadOnlyList<ChatRoomDto> Rooms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rooms = await chat.RoomsAsync(User.Actor(), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var outcome = await chat.CreateRoomAsync(User.Actor(), new ChatRoomInput(Name, Kind, Description, null, null), ct);
        if (outcome.IsOk) return Redirect("/chat/" + outcome.Value!.Slug);
        ModelState.AddOutcomeErrors(outcome);
        Rooms = await chat.RoomsAsync(User.Actor(), ct);
        return Page();
    }

    /// <summary>Opens (or creates) the direct conversation with a member.</summary>
    public async Task<IActionResult> OnPostDirectAsync(Guid userId, CancellationToken ct)
    {
        var outcome = await chat.DirectRoomAsync(User.Actor(), userId, ct);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => Redirect("/chat/" + outcome.Value!.Slug),
            OutcomeKind.NotFound => NotFound(),
            _ => BadRequest(),
        };
    }
}
