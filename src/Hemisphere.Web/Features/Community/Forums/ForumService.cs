using System.Text;
using Hemisphere.Features.Directory;
using Hemisphere.Features.Library;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Notifications;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Community.Forums;

public sealed class ForumOptions
{
    /// <summary>Hold a member's posts for a moderator's approval until one of them has been approved.</summary>
    public bool HoldFirstPosts { get; set; }

    /// <summary>Posts (topics and replies) one member may write per minute, on all nodes together.</summary>
    public int PostsPerMinute { get; set; } = 6;
}

/// <summary>The rules of the forums: reading with unread tracking, writing, reactions, following, moderation.</summary>
public sealed class ForumService(
    HemisphereDb db,
    AuditLog audit,
    Notifier notifier,
    TimeProvider clock,
    IOptions<ForumOptions> options,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Topics on a page of a category.</summary>
    public const int TopicsPageSize = 25;

    /// <summary>Posts on a page of a topic.</summary>
    public const int PostsPageSize = 50;

    // ---------- reading ----------

    public async Task<IReadOnlyList<CategoryDto>> CategoriesAsync(Actor actor, string language, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return [];
        var me = actor.UserId!.Value;
        var mine = await db.ForumCategoryMembers.Where(m => m.UserId == me).Select(m => m.CategoryId).ToListAsync(ct);
        var categories = (await db.ForumCategories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Slug).ToListAsync(ct))
            .Where(c => ForumPolicy.CanRead(actor, c, mine.Contains(c.Id))).ToList();
        var ids = categories.Select(c => c.Id).ToList();
        var counts = await db.ForumTopics.Where(t => ids.Contains(t.CategoryId) && !t.Hidden && t.MergedIntoId == null)
            .GroupBy(t => t.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var unread = await UnreadTopicsQuery(me).Where(t => ids.Contains(t.CategoryId))
            .GroupBy(t => t.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var followed = await db.ForumFollows.Where(f => f.UserId == me && f.CategoryId != null).Select(f => f.CategoryId!.Value).ToListAsync(ct);
        return categories.Select(c => ToDto(c, language, counts.GetValueOrDefault(c.Id), unread.GetValueOrDefault(c.Id), followed.Contains(c.Id))).ToList();
    }

    /// <summary>Visible topics of which the member has not read the last post.</summary>
    private IQueryable<ForumTopic> UnreadTopicsQuery(Guid me) =>
        db.ForumTopics.Where(t => !t.Hidden && t.MergedIntoId == null &&
            !db.ForumReadStates.Any(r => r.UserId == me && r.TopicId == t.Id && r.ReadUpTo >= t.LastPostAt));

    public async Task<CategoryPageDto?> CategoryAsync(Actor actor, string slug, string language, PageRequest page, CancellationToken ct)
    {
        var category = await ReadableCategoryAsync(actor, slug, ct);
        if (category is null) return null;
        var me = actor.UserId!.Value;
        var moderator = ForumPolicy.IsModerator(actor);
        var q = db.ForumTopics.AsNoTracking().Where(t => t.CategoryId == category.Id && t.MergedIntoId == null && (!t.Hidden || moderator));
        var total = await q.CountAsync(ct);
        var topics = await q.OrderByDescending(t => t.Pinned).ThenByDescending(t => t.LastPostAt).ThenByDescending(t => t.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var ids = topics.Select(t => t.Id).ToList();
        var reads = await db.ForumReadStates.Where(r => r.UserId == me && ids.Contains(r.TopicId)).ToDictionaryAsync(r => r.TopicId, r => r.ReadUpTo, ct);
        var unreadCounts = await db.ForumPosts.Where(p => ids.Contains(p.TopicId) && p.State == PostState.Visible
                && !db.ForumReadStates.Any(r => r.UserId == me && r.TopicId == p.TopicId && r.ReadUpTo >= p.CreatedAt))
            .GroupBy(p => p.TopicId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await NamesAsync(topics.Select(t => t.AuthorId), ct);
        var following = await db.ForumFollows.AnyAsync(f => f.UserId == me && f.CategoryId == category.Id, ct);
        var items = topics.Select(t => new TopicSummaryDto(t.Id, t.Title, t.AuthorId, names.GetValueOrDefault(t.AuthorId, "?"), t.CreatedAt, t.LastPostAt,
            t.PostCount, unreadCounts.GetValueOrDefault(t.Id), t.Pinned, t.Locked, t.AcceptedPostId is not null, t.Hidden)).ToList();
        return new CategoryPageDto(ToDto(category, language, total, items.Count(i => i.Unread > 0), following), new Page<TopicSummaryDto>(items, total, page.Number, page.Size));
    }

    /// <summary>
    /// A page of a topic's posts (the page holding the first unread post when none is asked),
    /// and marks what the page shows as read.
    /// </summary>
    public async Task<TopicDto?> TopicAsync(Actor actor, Guid topicId, int? pageNumber, string language, CancellationToken ct)
    {
        var (topic, category) = await ReadableTopicAsync(actor, topicId, ct);
        if (topic is null || category is null) return null;
        var me = actor.UserId!.Value;
        var moderator = ForumPolicy.IsModerator(actor);
        var posts = db.ForumPosts.AsNoTracking().Where(p => p.TopicId == topic.Id
            && (p.State == PostState.Visible || moderator || (p.State == PostState.Pending && p.AuthorId == me)));
        var total = await posts.CountAsync(ct);
        var read = await db.ForumReadStates.FirstOrDefaultAsync(r => r.UserId == me && r.TopicId == topic.Id, ct);
        if (pageNumber is null)
        {
            var before = read is null ? 0 : await posts.CountAsync(p => p.CreatedAt <= read.ReadUpTo, ct);
            pageNumber = Math.Max(1, Math.Min(before, Math.Max(0, total - 1)) / PostsPageSize + 1);
        }
        var page = PageRequest.From(pageNumber, PostsPageSize, PostsPageSize);
        // The page's ids first (from the (TopicId, CreatedAt, Id) index, without reading whole rows), then only those posts.
        var ids = await posts.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Size).Select(p => p.Id).ToListAsync(ct);
        var list = (await db.ForumPosts.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct)).OrderBy(p => ids.IndexOf(p.Id)).ToList();
        var dtos = await PostDtosAsync(actor, list, topic.AcceptedPostId, read?.ReadUpTo, ct);

        // What this page showed is read now (never move the marker backwards).
        if (list.Count > 0)
        {
            var upTo = list.Max(p => p.CreatedAt);
            if (read is null) db.ForumReadStates.Add(new ForumReadState { UserId = me, TopicId = topic.Id, ReadUpTo = upTo });
            else if (read.ReadUpTo < upTo) read.ReadUpTo = upTo;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (read is null)
            {
                // Another request of the same member marked the topic first (two tabs, a double click): move that marker instead.
                db.ChangeTracker.Clear();
                await db.ForumReadStates.Where(r => r.UserId == me && r.TopicId == topic.Id && r.ReadUpTo < upTo)
                    .ExecuteUpdateAsync(x => x.SetProperty(r => r.ReadUpTo, upTo), ct);
            }
        }
        var following = await db.ForumFollows.AnyAsync(f => f.UserId == me && f.TopicId == topic.Id, ct);
        return new TopicDto(topic.Id, category.Id, category.Slug, category.Name.For(language), topic.Title, topic.AuthorId, topic.Pinned, topic.Locked, topic.Hidden,
            topic.AcceptedPostId, following, ForumPolicy.CanAccept(actor, topic), moderator, new Page<PostDto>(dtos, total, page.Number, page.Size));
    }

    /// <summary>A post's text and topic, for its edit page.</summary>
    public async Task<(string Body, Guid TopicId)?> PostAsync(Actor actor, Guid postId, CancellationToken ct)
    {
        var post = await db.ForumPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
        return post is null || !await CanSeePostAsync(actor, post, ct) ? null : (post.Body, post.TopicId);
    }

    public async Task<IReadOnlyList<RevisionDto>?> RevisionsAsync(Actor actor, Guid postId, CancellationToken ct)
    {
        var post = await db.ForumPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || !await CanSeePostAsync(actor, post, ct)) return null;
        return await db.ForumPostRevisions.AsNoTracking().Where(r => r.PostId == postId).OrderByDescending(r => r.ReplacedAt)
            .Select(r => new RevisionDto(r.Body, r.EditorId, r.ReplacedAt)).ToListAsync(ct);
    }

    public async Task<int> UnreadTopicsAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return 0;
        var readable = await ReadableCategoryIdsAsync(actor, ct);
        return await UnreadTopicsQuery(me).CountAsync(t => readable.Contains(t.CategoryId), ct);
    }

    // ---------- writing ----------

    public async Task<Outcome<TopicDto>> CreateTopicAsync(Actor actor, string categorySlug, TopicInput input, CancellationToken ct)
    {
        var category = await ReadableCategoryAsync(actor, categorySlug, ct);
        if (category is null) return Outcome<TopicDto>.NotFound();
        var v = new Validation(l);
        var title = v.Text("title", input.Title, ForumLimits.Title, required: true);
        var body = v.Text("body", input.Body, ForumLimits.Body, required: true);
        await CheckMentionsAsync(v, body, ct);
        if (await RefusalAsync(actor, v, ct) is { } refused) return refused.Refusal<TopicDto>();
        if (!v.IsValid) return Outcome<TopicDto>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var topic = new ForumTopic { CategoryId = category.Id, Title = title!, AuthorId = actor.UserId!.Value, CreatedAt = now, LastPostAt = now };
        var post = new ForumPost { TopicId = topic.Id, AuthorId = topic.AuthorId, Body = body!, CreatedAt = now, State = await NewPostStateAsync(actor, ct) };
        topic.PostCount = post.State == PostState.Visible ? 1 : 0;
        if (post.State != PostState.Visible) topic.Hidden = true;
        db.ForumTopics.Add(topic);
        db.ForumPosts.Add(post);
        // The author follows what they start.
        db.ForumFollows.Add(new ForumFollow { UserId = topic.AuthorId, TopicId = topic.Id });
        if (post.State == PostState.Visible) await StageNotificationsAsync(topic, post, actor, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<TopicDto>.Ok((await TopicAsync(actor, topic.Id, 1, "en", ct))!);
    }

    public async Task<Outcome<PostDto>> ReplyAsync(Actor actor, Guid topicId, PostInput input, CancellationToken ct)
    {
        var (topic, _) = await ReadableTopicAsync(actor, topicId, ct, track: true);
        if (topic is null) return Outcome<PostDto>.NotFound();
        if ((topic.Locked || topic.Hidden) && !ForumPolicy.IsModerator(actor)) return Outcome<PostDto>.Conflict(l["Forums.TopicLocked"]);
        var v = new Validation(l);
        var body = v.Text("body", input.Body, ForumLimits.Body, required: true);
        await CheckMentionsAsync(v, body, ct);
        if (input.QuotedPostId is { } quoted && !await db.ForumPosts.AnyAsync(p => p.Id == quoted && p.TopicId == topic.Id && p.State == PostState.Visible, ct))
            v.Add("quotedPostId", "Forums.UnknownPost");
        if (await RefusalAsync(actor, v, ct) is { } refused) return refused.Refusal<PostDto>();
        if (!v.IsValid) return Outcome<PostDto>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var post = new ForumPost { TopicId = topic.Id, AuthorId = actor.UserId!.Value, Body = body!, QuotedPostId = input.QuotedPostId, CreatedAt = now, State = await NewPostStateAsync(actor, ct) };
        db.ForumPosts.Add(post);
        if (post.State == PostState.Visible)
        {
            topic.PostCount++;
            topic.LastPostAt = now;
            await StageNotificationsAsync(topic, post, actor, ct);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<PostDto>.Ok((await PostDtosAsync(actor, [post], topic.AcceptedPostId, now, ct))[0]);
    }

    public async Task<Outcome<PostDto>> EditAsync(Actor actor, Guid postId, PostInput input, CancellationToken ct)
    {
        var post = await db.ForumPosts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || !await CanSeePostAsync(actor, post, ct)) return Outcome<PostDto>.NotFound();
        if (!ForumPolicy.CanEdit(actor, post)) return Outcome<PostDto>.Forbidden();
        var v = new Validation(l);
        var body = v.Text("body", input.Body, ForumLimits.Body, required: true);
        await CheckMentionsAsync(v, body, ct);
        if (await SilencedUntilAsync(actor, ct) is not null && !ForumPolicy.IsModerator(actor)) return Outcome<PostDto>.Forbidden();
        if (!v.IsValid) return Outcome<PostDto>.Invalid(v.Errors);
        if (body != post.Body)
        {
            db.ForumPostRevisions.Add(new ForumPostRevision { PostId = post.Id, Body = post.Body, EditorId = actor.UserId!.Value, ReplacedAt = clock.GetUtcNow() });
            post.Body = body!;
            post.EditedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        var topic = await db.ForumTopics.AsNoTracking().FirstAsync(t => t.Id == post.TopicId, ct);
        return Outcome<PostDto>.Ok((await PostDtosAsync(actor, [post], topic.AcceptedPostId, null, ct))[0]);
    }

    /// <summary>Adds the reaction, or takes it back when the member had given it.</summary>
    public async Task<Outcome<PostDto>> ReactAsync(Actor actor, Guid postId, ReactionInput input, CancellationToken ct)
    {
        var post = await db.ForumPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || !await CanSeePostAsync(actor, post, ct)) return Outcome<PostDto>.NotFound();
        if (input.Kind is not { } kind || !ForumLimits.Reactions.Contains(kind))
            return Outcome<PostDto>.Invalid("kind", l["Forums.UnknownReaction", string.Join(", ", ForumLimits.Reactions)]);
        var me = actor.UserId!.Value;
        var existing = await db.ForumReactions.FirstOrDefaultAsync(r => r.PostId == postId && r.UserId == me && r.Kind == kind, ct);
        if (existing is null) db.ForumReactions.Add(new ForumReaction { PostId = postId, UserId = me, Kind = kind, At = clock.GetUtcNow() });
        else db.ForumReactions.Remove(existing);
        await db.SaveChangesAsync(ct);
        var topic = await db.ForumTopics.AsNoTracking().FirstAsync(t => t.Id == post.TopicId, ct);
        return Outcome<PostDto>.Ok((await PostDtosAsync(actor, [post], topic.AcceptedPostId, null, ct))[0]);
    }

    /// <summary>Marks a post as the answer (or clears it with null).</summary>
    public async Task<Outcome<bool>> AcceptAsync(Actor actor, Guid topicId, Guid? postId, CancellationToken ct)
    {
        var (topic, _) = await ReadableTopicAsync(actor, topicId, ct, track: true);
        if (topic is null) return Outcome<bool>.NotFound();
        if (!ForumPolicy.CanAccept(actor, topic)) return Outcome<bool>.Forbidden();
        if (postId is { } p && !await db.ForumPosts.AnyAsync(x => x.Id == p && x.TopicId == topic.Id && x.State == PostState.Visible, ct))
            return Outcome<bool>.Invalid("postId", l["Forums.UnknownPost"]);
        topic.AcceptedPostId = postId;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> FollowTopicAsync(Actor actor, Guid topicId, bool follow, CancellationToken ct)
    {
        var (topic, _) = await ReadableTopicAsync(actor, topicId, ct);
        if (topic is null) return Outcome<bool>.NotFound();
        await SetFollowAsync(actor.UserId!.Value, topic.Id, null, follow, ct);
        return Outcome<bool>.Ok(follow);
    }

    public async Task<Outcome<bool>> FollowCategoryAsync(Actor actor, string slug, bool follow, CancellationToken ct)
    {
        var category = await ReadableCategoryAsync(actor, slug, ct);
        if (category is null) return Outcome<bool>.NotFound();
        await SetFollowAsync(actor.UserId!.Value, null, category.Id, follow, ct);
        return Outcome<bool>.Ok(follow);
    }

    private async Task SetFollowAsync(Guid me, Guid? topicId, Guid? categoryId, bool follow, CancellationToken ct)
    {
        var existing = await db.ForumFollows.FirstOrDefaultAsync(f => f.UserId == me && f.TopicId == topicId && f.CategoryId == categoryId, ct);
        if (follow && existing is null) db.ForumFollows.Add(new ForumFollow { UserId = me, TopicId = topicId, CategoryId = categoryId });
        if (!follow && existing is not null) db.ForumFollows.Remove(existing);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Outcome<bool>> FlagAsync(Actor actor, Guid postId, FlagInput input, CancellationToken ct)
    {
        var post = await db.ForumPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || !await CanSeePostAsync(actor, post, ct)) return Outcome<bool>.NotFound();
        var v = new Validation(l);
        var reason = v.Text("reason", input.Reason, ForumLimits.Reason, required: true);
        if (!v.IsValid) return Outcome<bool>.Invalid(v.Errors);
        var me = actor.UserId!.Value;
        if (await db.ForumFlags.AnyAsync(f => f.PostId == postId && f.ReporterId == me && f.ResolvedAt == null, ct))
            return Outcome<bool>.Conflict(l["Forums.AlreadyFlagged"]);
        db.ForumFlags.Add(new ForumFlag { PostId = postId, ReporterId = me, Reason = reason!, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    // ---------- moderation ----------

    public async Task<ModerationQueueDto?> ModerationQueueAsync(Actor actor, CancellationToken ct)
    {
        if (!ForumPolicy.IsModerator(actor)) return null;
        var flags = await (from f in db.ForumFlags.AsNoTracking()
                           join p in db.ForumPosts on f.PostId equals p.Id
                           join t in db.ForumTopics on p.TopicId equals t.Id
                           where f.ResolvedAt == null
                           orderby f.CreatedAt
                           select new { f, p.TopicId, t.Title, p.Body }).Take(200).ToListAsync(ct);
        var names = await NamesAsync(flags.Select(x => x.f.ReporterId), ct);
        var pending = await db.ForumPosts.AsNoTracking().Where(p => p.State == PostState.Pending).OrderBy(p => p.CreatedAt).Take(200).ToListAsync(ct);
        return new ModerationQueueDto(
            flags.Select(x => new FlagDto(x.f.Id, x.f.PostId, x.TopicId, x.Title, Excerpt(x.Body), x.f.Reason, names.GetValueOrDefault(x.f.ReporterId, "?"), x.f.CreatedAt)).ToList(),
            await PostDtosAsync(actor, pending, null, null, ct));
    }

    /// <summary>Hide, restore or approve a post; hiding resolves its open flags.</summary>
    public async Task<Outcome<bool>> SetPostStateAsync(Actor actor, Guid postId, PostState state, CancellationToken ct)
    {
        if (!ForumPolicy.IsModerator(actor)) return await ForbiddenOrNotFoundPostAsync(actor, postId, ct);
        var post = await db.ForumPosts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null) return Outcome<bool>.NotFound();
        var topic = await db.ForumTopics.FirstAsync(t => t.Id == post.TopicId, ct);
        var before = post.State;
        post.State = state;
        var now = clock.GetUtcNow();
        foreach (var f in await db.ForumFlags.Where(f => f.PostId == postId && f.ResolvedAt == null).ToListAsync(ct))
        {
            f.ResolvedAt = now;
            f.ResolvedBy = actor.UserId;
        }
        // A topic whose first post is approved becomes visible with it.
        var first = await db.ForumPosts.Where(p => p.TopicId == topic.Id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        if (first == post.Id) topic.Hidden = state != PostState.Visible;
        // A held post that is approved tells its followers and mentions now.
        if (before == PostState.Pending && state == PostState.Visible)
        {
            var author = await db.Users.Where(u => u.Id == post.AuthorId).Select(u => u.DisplayName).FirstAsync(ct);
            await StageNotificationsAsync(topic, post, null, ct, author);
        }
        await db.SaveChangesAsync(ct);
        await RecountAsync(topic, ct);
        audit.Record(state switch { PostState.Hidden => "forum.hide", PostState.Visible when before == PostState.Pending => "forum.approve", _ => "forum.restore" },
            nameof(ForumPost), post.Id.ToString(), new { topic = topic.Id, from = before.ToString(), to = state.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> DismissFlagAsync(Actor actor, Guid flagId, CancellationToken ct)
    {
        if (!ForumPolicy.IsModerator(actor)) return Outcome<bool>.Forbidden();
        var flag = await db.ForumFlags.FirstOrDefaultAsync(f => f.Id == flagId, ct);
        if (flag is null) return Outcome<bool>.NotFound();
        flag.ResolvedAt = clock.GetUtcNow();
        flag.ResolvedBy = actor.UserId;
        audit.Record("forum.dismiss-flag", nameof(ForumFlag), flag.Id.ToString(), new { post = flag.PostId });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public Task<Outcome<bool>> LockAsync(Actor actor, Guid topicId, bool locked, CancellationToken ct) =>
        ModerateTopicAsync(actor, topicId, locked ? "forum.lock" : "forum.unlock", t => t.Locked = locked, ct);

    public Task<Outcome<bool>> PinAsync(Actor actor, Guid topicId, bool pinned, CancellationToken ct) =>
        ModerateTopicAsync(actor, topicId, pinned ? "forum.pin" : "forum.unpin", t => t.Pinned = pinned, ct);

    public async Task<Outcome<bool>> MoveAsync(Actor actor, Guid topicId, MoveInput input, CancellationToken ct)
    {
        if (input.CategoryId is not { } target || !await db.ForumCategories.AnyAsync(c => c.Id == target, ct))
            return ForumPolicy.IsModerator(actor) ? Outcome<bool>.Invalid("categoryId", l["Forums.UnknownCategory"]) : await ForbiddenOrNotFoundTopicAsync(actor, topicId, ct);
        return await ModerateTopicAsync(actor, topicId, "forum.move", t => t.CategoryId = target, ct);
    }

    /// <summary>Moves every post of a topic into another and leaves the first as a pointer to it.</summary>
    public async Task<Outcome<bool>> MergeAsync(Actor actor, Guid topicId, MergeInput input, CancellationToken ct)
    {
        if (!ForumPolicy.IsModerator(actor)) return await ForbiddenOrNotFoundTopicAsync(actor, topicId, ct);
        var source = await db.ForumTopics.FirstOrDefaultAsync(t => t.Id == topicId, ct);
        if (source is null) return Outcome<bool>.NotFound();
        var target = input.TargetTopicId is { } id && id != topicId ? await db.ForumTopics.FirstOrDefaultAsync(t => t.Id == id && t.MergedIntoId == null, ct) : null;
        if (target is null) return Outcome<bool>.Invalid("targetTopicId", l["Forums.UnknownTopic"]);
        await db.ForumPosts.Where(p => p.TopicId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TopicId, target.Id), ct);
        source.MergedIntoId = target.Id;
        source.PostCount = 0;
        await db.SaveChangesAsync(ct);
        await RecountAsync(target, ct);
        audit.Record("forum.merge", nameof(ForumTopic), source.Id.ToString(), new { into = target.Id });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> SilenceAsync(Actor actor, SilenceInput input, CancellationToken ct)
    {
        if (!ForumPolicy.IsModerator(actor)) return Outcome<bool>.Forbidden();
        var v = new Validation(l);
        if (input.UserId is not { } user || !await db.Users.AnyAsync(u => u.Id == user, ct)) v.Add("userId", "Forums.UnknownMember");
        if (input.Until is not { } until || until <= clock.GetUtcNow()) v.Add("until", "Forums.UntilInFuture");
        var reason = v.Text("reason", input.Reason, ForumLimits.Reason, required: true);
        if (!v.IsValid) return Outcome<bool>.Invalid(v.Errors);
        var silence = new ForumSilence { UserId = input.UserId!.Value, Until = input.Until!.Value.ToUniversalTime(), Reason = reason!, By = actor.UserId!.Value, At = clock.GetUtcNow() };
        db.ForumSilences.Add(silence);
        audit.Record("forum.silence", "User", silence.UserId.ToString(), new { until = silence.Until, reason });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<CategoryDto>> CreateCategoryAsync(Actor actor, CategoryInput input, CancellationToken ct)
    {
        if (!ForumPolicy.CanManageCategories(actor)) return Outcome<CategoryDto>.Forbidden();
        var v = new Validation(l);
        var slug = v.Text("slug", input.Slug, ForumLimits.Slug, required: true)?.ToLowerInvariant();
        if (slug is not null && !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) v.Add("slug", "Library.InvalidSlug");
        else if (slug is not null && await db.ForumCategories.AnyAsync(c => c.Slug == slug, ct)) v.Add("slug", "Library.SlugTaken");
        if (string.IsNullOrWhiteSpace(input.Name?.En)) v.Add("name.en", "Validation.Required");
        else v.Text("name.en", input.Name.En, 200);
        var access = CategoryAccess.Members;
        if (input.Access is not null && !Enum.TryParse(input.Access, true, out access)) v.Add("access", "Validation.InvalidValue");
        var country = input.CountryCode?.Trim().ToUpperInvariant();
        if (country is not null && !MemberStateCatalogue.IsCode(country)) v.Add("countryCode", "Validation.UnknownCountry", country);
        var theme = input.Theme is null ? null : LibraryThemes.Normalise(input.Theme);
        if (input.Theme is not null && theme is null) v.Add("theme", "Library.UnknownTheme", input.Theme);
        if (!v.IsValid) return Outcome<CategoryDto>.Invalid(v.Errors);
        var category = new ForumCategory
        {
            Slug = slug!,
            Name = input.Name!,
            Description = input.Description ?? new LocalizedText(),
            Access = access,
            CountryCode = country,
            Theme = theme,
            Position = input.Position ?? 0,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ForumCategories.Add(category);
        await db.SaveChangesAsync(ct);
        return Outcome<CategoryDto>.Ok(ToDto(category, "en", 0, 0, false));
    }

    /// <summary>Adds or removes a member of a private category (administrators and moderators).</summary>
    public async Task<Outcome<bool>> SetMemberAsync(Actor actor, string slug, Guid? userId, bool member, CancellationToken ct)
    {
        if (!ForumPolicy.IsModerator(actor)) return Outcome<bool>.Forbidden();
        var category = await db.ForumCategories.FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (category is null) return Outcome<bool>.NotFound();
        if (userId is not { } user || !await db.Users.AnyAsync(u => u.Id == user, ct)) return Outcome<bool>.Invalid("userId", l["Forums.UnknownMember"]);
        var existing = await db.ForumCategoryMembers.FirstOrDefaultAsync(m => m.CategoryId == category.Id && m.UserId == user, ct);
        if (member && existing is null) db.ForumCategoryMembers.Add(new ForumCategoryMember { CategoryId = category.Id, UserId = user, AddedAt = clock.GetUtcNow() });
        if (!member && existing is not null) db.ForumCategoryMembers.Remove(existing);
        audit.Record(member ? "forum.add-member" : "forum.remove-member", nameof(ForumCategory), category.Id.ToString(), new { user });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(member);
    }

    // ---------- helpers ----------

    private async Task<Outcome<bool>> ModerateTopicAsync(Actor actor, Guid topicId, string action, Action<ForumTopic> change, CancellationToken ct)
    {
        if (!ForumPolicy.IsModerator(actor)) return await ForbiddenOrNotFoundTopicAsync(actor, topicId, ct);
        var topic = await db.ForumTopics.FirstOrDefaultAsync(t => t.Id == topicId, ct);
        if (topic is null) return Outcome<bool>.NotFound();
        change(topic);
        audit.Record(action, nameof(ForumTopic), topic.Id.ToString(), new { topic.CategoryId });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private async Task<Outcome<bool>> ForbiddenOrNotFoundTopicAsync(Actor actor, Guid topicId, CancellationToken ct) =>
        (await ReadableTopicAsync(actor, topicId, ct)).Topic is null ? Outcome<bool>.NotFound() : Outcome<bool>.Forbidden();

    private async Task<Outcome<bool>> ForbiddenOrNotFoundPostAsync(Actor actor, Guid postId, CancellationToken ct)
    {
        var post = await db.ForumPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
        return post is null || !await CanSeePostAsync(actor, post, ct) ? Outcome<bool>.NotFound() : Outcome<bool>.Forbidden();
    }

    /// <summary>Silenced members and members writing too fast are refused before anything is saved.</summary>
    private async Task<Outcome<bool>?> RefusalAsync(Actor actor, Validation v, CancellationToken ct)
    {
        if (await SilencedUntilAsync(actor, ct) is { } until)
            return Outcome<bool>.Conflict(l["Forums.Silenced", until.ToString("u", System.Globalization.CultureInfo.InvariantCulture)]);
        var since = clock.GetUtcNow().AddMinutes(-1);
        var me = actor.UserId!.Value;
        if (await db.ForumPosts.CountAsync(p => p.AuthorId == me && p.CreatedAt > since, ct) >= options.Value.PostsPerMinute && !ForumPolicy.IsModerator(actor))
            v.Add("body", "Forums.TooFast", options.Value.PostsPerMinute);
        return null;
    }

    private async Task<DateTimeOffset?> SilencedUntilAsync(Actor actor, CancellationToken ct)
    {
        var me = actor.UserId!.Value;
        var now = clock.GetUtcNow();
        var until = await db.ForumSilences.Where(s => s.UserId == me && s.Until > now).Select(s => (DateTimeOffset?)s.Until).ToListAsync(ct);
        return until.Count == 0 ? null : until.Max();
    }

    private async Task<PostState> NewPostStateAsync(Actor actor, CancellationToken ct)
    {
        if (!options.Value.HoldFirstPosts || ForumPolicy.IsModerator(actor)) return PostState.Visible;
        var me = actor.UserId!.Value;
        return await db.ForumPosts.AnyAsync(p => p.AuthorId == me && p.State == PostState.Visible, ct) ? PostState.Visible : PostState.Pending;
    }

    private async Task CheckMentionsAsync(Validation v, string? body, CancellationToken ct)
    {
        var names = Mentions.Find(body);
        if (names.Count == 0) return;
        if (names.Count > Mentions.MaxPerPost) { v.Add("body", "Forums.TooManyMentions", Mentions.MaxPerPost); return; }
        var known = await db.Users.Where(u => names.Contains(u.DisplayName)).Select(u => u.DisplayName).ToListAsync(ct);
        foreach (var unknown in names.Except(known, StringComparer.Ordinal)) v.Add("body", "Forums.UnknownMention", unknown);
    }

    /// <summary>The members a post mentions (after validation: every name is known).</summary>
    public async Task<IReadOnlyList<Guid>> MentionedAsync(string body, CancellationToken ct)
    {
        var names = Mentions.Find(body);
        return names.Count == 0 ? [] : await db.Users.Where(u => names.Contains(u.DisplayName)).Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Adds the notifications of a new visible post to the unit of work: members it mentions,
    /// then followers of its topic, then followers of its category — each member once, never
    /// its author, and only members who may read the category.
    /// </summary>
    private async Task StageNotificationsAsync(ForumTopic topic, ForumPost post, Actor? actor, CancellationToken ct, string? authorName = null)
    {
        authorName ??= actor?.Principal.FindFirst("name")?.Value
            ?? await db.Users.Where(u => u.Id == post.AuthorId).Select(u => u.DisplayName).FirstAsync(ct);
        var category = await db.ForumCategories.AsNoTracking().FirstAsync(c => c.Id == topic.CategoryId, ct);
        var url = $"/forums/topics/{topic.Id}#post-{post.Id}";
        var done = new HashSet<Guid> { post.AuthorId };
        async Task<List<Guid>> ReadersAsync(IEnumerable<Guid> users)
        {
            var list = users.Where(done.Add).ToList();
            if (category.Access == CategoryAccess.Members || list.Count == 0) return list;
            var members = await db.ForumCategoryMembers.Where(m => m.CategoryId == category.Id && list.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
            var moderators = await db.RoleAssignments.Where(r => list.Contains(r.UserId) && r.CountryCode == null && r.InstitutionId == null
                && (r.Role == HemisphereRole.Moderator || r.Role == HemisphereRole.Administrator)).Select(r => r.UserId).ToListAsync(ct);
            return list.Where(u => members.Contains(u) || moderators.Contains(u)).ToList();
        }
        notifier.NotifyMany(await ReadersAsync(await MentionedAsync(post.Body, ct)), NotificationKinds.ForumMention, url, "Notification.ForumMention", authorName, topic.Title);
        var topicFollowers = await db.ForumFollows.Where(f => f.TopicId == topic.Id).Select(f => f.UserId).ToListAsync(ct);
        notifier.NotifyMany(await ReadersAsync(topicFollowers), NotificationKinds.ForumReply, url, "Notification.ForumReply", authorName, topic.Title);
        var categoryFollowers = await db.ForumFollows.Where(f => f.CategoryId == category.Id).Select(f => f.UserId).ToListAsync(ct);
        notifier.NotifyMany(await ReadersAsync(categoryFollowers), NotificationKinds.ForumPost, url, "Notification.ForumPost", authorName, topic.Title);
    }

    private async Task RecountAsync(ForumTopic topic, CancellationToken ct)
    {
        var visible = db.ForumPosts.Where(p => p.TopicId == topic.Id && p.State == PostState.Visible);
        topic.PostCount = await visible.CountAsync(ct);
        topic.LastPostAt = await visible.Select(p => (DateTimeOffset?)p.CreatedAt).MaxAsync(ct) ?? topic.CreatedAt;
    }

    private async Task<List<Guid>> ReadableCategoryIdsAsync(Actor actor, CancellationToken ct)
    {
        var me = actor.UserId;
        if (ForumPolicy.IsModerator(actor)) return await db.ForumCategories.Select(c => c.Id).ToListAsync(ct);
        return await db.ForumCategories.Where(c => c.Access == CategoryAccess.Members || db.ForumCategoryMembers.Any(m => m.CategoryId == c.Id && m.UserId == me))
            .Select(c => c.Id).ToListAsync(ct);
    }

    private async Task<ForumCategory?> ReadableCategoryAsync(Actor actor, string slug, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return null;
        var category = await db.ForumCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (category is null) return null;
        var member = category.Access == CategoryAccess.Private && await db.ForumCategoryMembers.AnyAsync(m => m.CategoryId == category.Id && m.UserId == me, ct);
        return ForumPolicy.CanRead(actor, category, member) ? category : null;
    }

    private async Task<(ForumTopic? Topic, ForumCategory? Category)> ReadableTopicAsync(Actor actor, Guid topicId, CancellationToken ct, bool track = false)
    {
        if (actor.UserId is not { } me) return (null, null);
        var topics = track ? db.ForumTopics : db.ForumTopics.AsNoTracking();
        var topic = await topics.FirstOrDefaultAsync(t => t.Id == topicId, ct);
        if (topic is null) return (null, null);
        var category = await db.ForumCategories.AsNoTracking().FirstAsync(c => c.Id == topic.CategoryId, ct);
        var member = category.Access == CategoryAccess.Private && await db.ForumCategoryMembers.AnyAsync(m => m.CategoryId == category.Id && m.UserId == me, ct);
        if (!ForumPolicy.CanRead(actor, category, member)) return (null, null);
        // A hidden topic is for moderators and, while its first post waits for approval, its author.
        if (topic.Hidden && !ForumPolicy.IsModerator(actor) && topic.AuthorId != me) return (null, null);
        return (topic, category);
    }

    private async Task<bool> CanSeePostAsync(Actor actor, ForumPost post, CancellationToken ct)
    {
        var (topic, _) = await ReadableTopicAsync(actor, post.TopicId, ct);
        return topic is not null && (post.State == PostState.Visible || ForumPolicy.IsModerator(actor) || post.AuthorId == actor.UserId);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private async Task<List<PostDto>> PostDtosAsync(Actor actor, IReadOnlyList<ForumPost> posts, Guid? accepted, DateTimeOffset? readUpTo, CancellationToken ct)
    {
        var ids = posts.Select(p => p.Id).ToList();
        var me = actor.UserId;
        var reactions = await db.ForumReactions.Where(r => ids.Contains(r.PostId)).Select(r => new { r.PostId, r.UserId, r.Kind }).ToListAsync(ct);
        var names = await NamesAsync(posts.Select(p => p.AuthorId), ct);
        return posts.Select(p => new PostDto(p.Id, p.AuthorId, names.GetValueOrDefault(p.AuthorId, "?"), p.Body, RichText.ToHtml(p.Body).Value ?? "",
            p.State.ToString().ToLowerInvariant(), p.CreatedAt, p.EditedAt, p.QuotedPostId,
            reactions.Where(r => r.PostId == p.Id).GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()),
            reactions.Where(r => r.PostId == p.Id && r.UserId == me).Select(r => r.Kind).ToList(),
            p.Id == accepted, readUpTo is null || p.CreatedAt > readUpTo, ForumPolicy.CanEdit(actor, p))).ToList();
    }

    private static CategoryDto ToDto(ForumCategory c, string language, int topics, int unread, bool following) =>
        new(c.Id, c.Slug, c.Name.For(language), c.Description.For(language), c.Access.ToString().ToLowerInvariant(), c.CountryCode, c.Theme, topics, unread, following);

    private static string Excerpt(string body)
    {
        var text = RichText.ToPlainText(body);
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
