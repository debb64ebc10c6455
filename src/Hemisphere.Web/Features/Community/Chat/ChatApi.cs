using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Chat;

public static class ChatApi
{
    public static void MapChatApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/chat").WithTags("Chat").RequireRateLimiting(ApiSetup.ApiPolicy).RequireAuthorization();

        api.MapGet("/rooms", async (HttpContext http, ChatService chat, CancellationToken ct) =>
        {
            var rooms = await chat.RoomsAsync(http.User.Actor(), ct);
            return TypedResults.Ok(new Page<ChatRoomDto>(rooms, rooms.Count, 1, rooms.Count));
        }).WithSummary("The caller's rooms (isMember=true, with unread counts, most recently active first), then the public rooms they have not joined.");

        api.MapPost("/rooms", async (ChatRoomInput input, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.CreateRoomAsync(http.User.Actor(), input, ct)).ToResult(l, r => TypedResults.Created($"/api/v1/chat/rooms/{r.Id}", r)))
            .WithSummary("Creates a room (kind public or private); the caller owns it. members: user ids invited at once. forumCategoryId links it to a forum group.")
            .Produces<ChatRoomDto>(201).ProducesValidationProblem();

        api.MapGet("/rooms/{idOrSlug}", async (string idOrSlug, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await chat.RoomAsync(http.User.Actor(), idOrSlug, ct) is { } room ? Results.Ok(room) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("One room with its members. A private or direct room answers 404 to those not in it.")
            .Produces<ChatRoomDto>().ProducesProblem(404);

        api.MapPost("/rooms/{id:guid}/join", async (Guid id, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.JoinAsync(http.User.Actor(), id, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .WithSummary("Joins a public room.").Produces<ChatRoomDto>().ProducesProblem(404);

        api.MapPost("/rooms/{id:guid}/leave", async (Guid id, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.LeaveAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Leaves a room (not a direct conversation: 409).").Produces(204).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/rooms/{id:guid}/members", async (Guid id, ChatInviteInput input, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.InviteAsync(http.User.Actor(), id, input.UserId, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .WithSummary("The owner adds a member (this is how one enters a private room).")
            .Produces<ChatRoomDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapDelete("/rooms/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.RemoveAsync(http.User.Actor(), id, userId, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("The owner removes a member; anyone may remove themselves.").Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/rooms/{id:guid}/messages", async (Guid id, Guid? before, Guid? after, int? limit, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.HistoryAsync(http.User.Actor(), id, before, after, limit, ct)).ToResult(l, h => TypedResults.Ok(h)))
            .WithSummary("History, oldest first: the newest messages; before=<message id> pages back; after=<message id> fetches what came since " +
                "(a reconnecting client passes the last id it has and pages forward while hasMore). limit 1–100, default 50.")
            .Produces<ChatHistoryDto>().ProducesValidationProblem().ProducesProblem(404);

        api.MapPost("/rooms/{id:guid}/messages", async (Guid id, HttpRequest request, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var actor = request.HttpContext.User.Actor();
            if (request.HasFormContentType)
            {
                IFormCollection form;
                try { form = await request.ReadFormAsync(ct); }
                catch (InvalidDataException) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l["Chat.FileTooLarge"]] }, title: l["Problem.Validation"]); }
                var file = form.Files.GetFile(FileStore.Field);
                await using var stream = file?.OpenReadStream();
                var upload = file is null ? null : new ChatUpload(stream!, file.FileName);
                return (await chat.PostAsync(actor, id, form["body"], upload, ct)).ToResult(l, m => TypedResults.Created($"/api/v1/chat/messages/{m.Id}", m));
            }
            if (!request.HasJsonContentType()) return l.Problem(415, "Problem.UnsupportedMediaType", l["Problem.UnsupportedMediaType.Detail"]);
            ChatMessageInput? input;
            try { input = await request.ReadFromJsonAsync<ChatMessageInput>(ct); }
            catch (System.Text.Json.JsonException) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [l["Problem.MalformedJson"]] }, title: l["Problem.Validation"]); }
            return (await chat.PostAsync(actor, id, input?.Body, null, ct)).ToResult(l, m => TypedResults.Created($"/api/v1/chat/messages/{m.Id}", m));
        }).WithSummary("Posts a message: JSON { body } or multipart/form-data with body and a file. Posting in a public room joins it. " +
                "The body is Markdown, at most Chat:MaxLength characters (4000); more than Chat:FloodMessages messages within Chat:FloodWindow answer 429. " +
                "The message is also sent to the room's hub clients.")
          .Accepts<ChatMessageInput>("application/json", "multipart/form-data").WithMetadata(new RequestSizeLimitAttribute(UploadLimit), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = UploadLimit })
          .Produces<ChatMessageDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(415).ProducesProblem(429);

        api.MapPut("/messages/{id:guid}", async (Guid id, ChatMessageInput input, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.EditAsync(http.User.Actor(), id, input.Body, ct)).ToResult(l, m => TypedResults.Ok(m)))
            .WithSummary("Edits one's own message.").Produces<ChatMessageDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapDelete("/messages/{id:guid}", async (Guid id, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.DeleteAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Deletes one's own message (moderators and administrators: anyone's). It stays in the history as a deleted message.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404);

        api.MapPut("/rooms/{id:guid}/read", async (Guid id, ChatReadInput? input, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.MarkReadAsync(http.User.Actor(), id, input?.MessageId, ct)).ToResult(l, u => TypedResults.Ok(u)))
            .WithSummary("Moves the caller's read marker to messageId (or to the newest message); answers the unread count left.")
            .Produces<ChatUnreadDto>().ProducesValidationProblem().ProducesProblem(404);

        api.MapGet("/unread", async (HttpContext http, ChatService chat, CancellationToken ct) =>
        {
            var counts = await chat.UnreadAsync(http.User.Actor(), ct);
            return TypedResults.Ok(new Page<ChatUnreadDto>(counts, counts.Count, 1, counts.Count));
        }).WithSummary("Unread messages in each of the caller's rooms.");

        api.MapPost("/direct/{userId:guid}", async (Guid userId, HttpContext http, ChatService chat, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await chat.DirectRoomAsync(http.User.Actor(), userId, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .WithSummary("The direct conversation with another member, created on first use.")
            .Produces<ChatRoomDto>().ProducesValidationProblem().ProducesProblem(404);

        routes.MapGet("/chat/files/{messageId:guid}/{name}", async (Guid messageId, HttpContext http, ChatService chat, FileStore files, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await chat.AttachmentAsync(http.User.Actor(), messageId, ct) is { } file ? files.Serve(file, inline: true) : l.Problem(404, "Problem.NotFound"))
            .RequireAuthorization().WithTags("Chat").WithSummary("Downloads the file of a message (members of the room).");
    }

    /// <summary>The largest upload accepted at the HTTP level: the file limit and room for the form around it.</summary>
    public const long UploadLimit = 500L * 1024 * 1024 + 1024 * 1024;
}
