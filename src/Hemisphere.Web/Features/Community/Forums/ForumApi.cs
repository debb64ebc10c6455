using System.Globalization;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Forums;

public static class ForumApi
{
    public static void MapForumApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/forums").WithTags("Forums").RequireRateLimiting(ApiSetup.ApiPolicy).RequireAuthorization();

        api.MapGet("/categories", async (HttpContext http, ForumService forums, CancellationToken ct) =>
        {
            var list = await forums.CategoriesAsync(http.User.Actor(), Lang(), ct);
            return TypedResults.Ok(new Page<CategoryDto>(list, list.Count, 1, list.Count));
        }).WithSummary("The categories the caller may read, with topic and unread-topic counts.");
        api.MapPost("/categories", async (CategoryInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.CreateCategoryAsync(http.User.Actor(), input, ct)).ToResult(l, c => TypedResults.Created($"/api/v1/forums/categories/{c.Slug}", c)))
            .WithSummary("Creates a category (administrators); access: members or private.").Produces<CategoryDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/categories/{slug}", async (string slug, int? page, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await forums.CategoryAsync(http.User.Actor(), slug, Lang(), PageRequest.From(page, ForumService.TopicsPageSize, ForumService.TopicsPageSize), ct) is { } c ? Results.Ok(c) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("A category's topics, pinned first, then by last post; a private category is 404 to non-members.").Produces<CategoryPageDto>().ProducesProblem(404);
        api.MapPost("/categories/{slug}/topics", async (string slug, TopicInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var outcome = await forums.CreateTopicAsync(http.User.Actor(), slug, input, ct);
            return outcome.ToResult(l, t => TypedResults.Created($"/api/v1/forums/topics/{t.Id}", t));
        }).WithSummary("Starts a topic with its first post (Markdown; mentions as @[Display Name]).").Produces<TopicDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPut("/categories/{slug}/members/{userId:guid}", async (string slug, Guid userId, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.SetMemberAsync(http.User.Actor(), slug, userId, true, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Adds a member to a private category (moderators).");
        api.MapDelete("/categories/{slug}/members/{userId:guid}", async (string slug, Guid userId, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.SetMemberAsync(http.User.Actor(), slug, userId, false, ct)).ToResult(l, _ => TypedResults.NoContent()));
        api.MapPut("/categories/{slug}/follow", async (string slug, FollowInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.FollowCategoryAsync(http.User.Actor(), slug, input.Follow, ct)).ToResult(l, f => TypedResults.Ok(new FollowInput(f))))
            .WithSummary("Follows (or stops following) every topic of a category.");

        api.MapGet("/topics/{id:guid}", async (Guid id, int? page, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await forums.TopicAsync(http.User.Actor(), id, page, Lang(), ct) is { } t ? Results.Ok(t) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("A page of a topic (by default the page of the first unread post); what it shows is marked read.").Produces<TopicDto>().ProducesProblem(404);
        api.MapPost("/topics/{id:guid}/posts", async (Guid id, PostInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var outcome = await forums.ReplyAsync(http.User.Actor(), id, input, ct);
            return outcome.ToResult(l, p => TypedResults.Created($"/api/v1/forums/posts/{p.Id}", p));
        }).WithSummary("Replies, optionally quoting a post of the topic (quotedPostId).").Produces<PostDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPut("/topics/{id:guid}/follow", async (Guid id, FollowInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.FollowTopicAsync(http.User.Actor(), id, input.Follow, ct)).ToResult(l, f => TypedResults.Ok(new FollowInput(f))));
        api.MapPut("/topics/{id:guid}/accepted", async (Guid id, AcceptInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.AcceptAsync(http.User.Actor(), id, input.PostId, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Marks the accepted answer (the topic's author or a moderator); postId null clears it.");

        api.MapPut("/posts/{id:guid}", async (Guid id, PostInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.EditAsync(http.User.Actor(), id, input, ct)).ToResult(l, p => TypedResults.Ok(p)))
            .WithSummary("Edits a post (its author or a moderator); the previous text is kept in the history.").Produces<PostDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/posts/{id:guid}/revisions", async (Guid id, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await forums.RevisionsAsync(http.User.Actor(), id, ct) is { } r ? Results.Ok(r) : l.Problem(404, "Problem.NotFound"));
        api.MapPost("/posts/{id:guid}/reactions", async (Guid id, ReactionInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.ReactAsync(http.User.Actor(), id, input, ct)).ToResult(l, p => TypedResults.Ok(p)))
            .WithSummary("Gives a reaction (like, thanks, insightful), or takes it back when given already.");
        api.MapPost("/posts/{id:guid}/flags", async (Guid id, FlagInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.FlagAsync(http.User.Actor(), id, input, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Flags a post for the moderators, with a reason.");

        var moderation = api.MapGroup("").WithTags("Forum moderation");
        moderation.MapGet("/moderation", async (HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await forums.ModerationQueueAsync(http.User.Actor(), ct) is { } q ? Results.Ok(q) : l.Problem(403, "Problem.Forbidden"))
            .WithSummary("Open flags and posts held for approval (moderators).");
        foreach (var (name, state) in new[] { ("hide", PostState.Hidden), ("restore", PostState.Visible), ("approve", PostState.Visible) })
            moderation.MapPost($"/posts/{{id:guid}}/{name}", async (Guid id, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await forums.SetPostStateAsync(http.User.Actor(), id, state, ct)).ToResult(l, _ => TypedResults.NoContent()));
        moderation.MapPost("/flags/{id:guid}/dismiss", async (Guid id, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.DismissFlagAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()));
        foreach (var (name, on) in new[] { ("lock", true), ("unlock", false) })
            moderation.MapPost($"/topics/{{id:guid}}/{name}", async (Guid id, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await forums.LockAsync(http.User.Actor(), id, on, ct)).ToResult(l, _ => TypedResults.NoContent()));
        foreach (var (name, on) in new[] { ("pin", true), ("unpin", false) })
            moderation.MapPost($"/topics/{{id:guid}}/{name}", async (Guid id, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await forums.PinAsync(http.User.Actor(), id, on, ct)).ToResult(l, _ => TypedResults.NoContent()));
        moderation.MapPost("/topics/{id:guid}/move", async (Guid id, MoveInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.MoveAsync(http.User.Actor(), id, input, ct)).ToResult(l, _ => TypedResults.NoContent()));
        moderation.MapPost("/topics/{id:guid}/merge", async (Guid id, MergeInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.MergeAsync(http.User.Actor(), id, input, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Moves every post of the topic into targetTopicId; the topic then points there.");
        moderation.MapPost("/silences", async (SilenceInput input, HttpContext http, ForumService forums, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await forums.SilenceAsync(http.User.Actor(), input, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Silences a member until a time, with a reason: they can read but not post.");
    }

    private static string Lang() => Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}

public sealed record AcceptInput(Guid? PostId);
