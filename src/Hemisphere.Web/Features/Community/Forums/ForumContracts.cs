using Hemisphere.Platform.Data;

namespace Hemisphere.Features.Community.Forums;

public sealed record CategoryInput(string? Slug, LocalizedText? Name, LocalizedText? Description, string? Access, string? CountryCode, string? Theme, int? Position);

public sealed record TopicInput(string? Title, string? Body);

public sealed record PostInput(string? Body, Guid? QuotedPostId);

public sealed record FlagInput(string? Reason);

public sealed record SilenceInput(Guid? UserId, DateTimeOffset? Until, string? Reason);

public sealed record MoveInput(Guid? CategoryId);

public sealed record MergeInput(Guid? TargetTopicId);

public sealed record ReactionInput(string? Kind);

public sealed record FollowInput(bool Follow);

public sealed record MemberInput(Guid? UserId);

public sealed record CategoryDto(Guid Id, string Slug, string Name, string Description, string Access, string? CountryCode, string? Theme, int Topics, int UnreadTopics, bool Following);

public sealed record TopicSummaryDto(Guid Id, string Title, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset LastPostAt,
    int Posts, int Unread, bool Pinned, bool Locked, bool Answered, bool Hidden);

public sealed record PostDto(Guid Id, Guid AuthorId, string AuthorName, string Body, string Html, string State, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    Guid? QuotedPostId, IReadOnlyDictionary<string, int> Reactions, IReadOnlyList<string> MyReactions, bool Accepted, bool Unread, bool CanEdit);

public sealed record TopicDto(Guid Id, Guid CategoryId, string CategorySlug, string CategoryName, string Title, Guid AuthorId, bool Pinned, bool Locked, bool Hidden,
    Guid? AcceptedPostId, bool Following, bool CanAccept, bool CanModerate, Page<PostDto> Posts);

public sealed record CategoryPageDto(CategoryDto Category, Page<TopicSummaryDto> Topics);

public sealed record RevisionDto(string Body, Guid EditorId, DateTimeOffset ReplacedAt);

public sealed record FlagDto(Guid Id, Guid PostId, Guid TopicId, string TopicTitle, string PostExcerpt, string Reason, string ReporterName, DateTimeOffset CreatedAt);

public sealed record ModerationQueueDto(IReadOnlyList<FlagDto> Flags, IReadOnlyList<PostDto> Pending);
