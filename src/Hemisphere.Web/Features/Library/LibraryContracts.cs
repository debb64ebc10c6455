namespace Hemisphere.Features.Library;

/// <summary>A new item: its first language version and what applies to all versions.</summary>
public sealed record LibraryItemInput(
    string? Kind,
    string? Language,
    string? Title,
    string? Summary,
    string? Body,
    List<string?>? Authors,
    Guid? InstitutionId,
    List<string?>? Countries,
    List<string?>? Themes,
    List<string?>? Tags,
    DateOnly? PublishedOn,
    string? VideoUrl,
    string? Slug);

/// <summary>What applies to every language version of an item.</summary>
public sealed record LibraryMetadataInput(
    string? Kind,
    List<string?>? Authors,
    Guid? InstitutionId,
    List<string?>? Countries,
    List<string?>? Themes,
    List<string?>? Tags,
    DateOnly? PublishedOn,
    string? VideoUrl);

public sealed record LibraryVersionInput(string? Language, string? Title, string? Summary, string? Body);

/// <summary>A workflow step: a comment (required to send back) and, to publish, when (now when absent).</summary>
public sealed record WorkflowInput(string? Comment, DateTimeOffset? PublishAt);

public sealed record LibraryVersionDto(string Language, string Title, string Summary, string Body);

public sealed record LibraryItemDto(
    Guid Id,
    string Slug,
    string Kind,
    string Status,
    bool Scheduled,
    string OriginalLanguage,
    IReadOnlyList<string> Languages,
    LibraryVersionDto Version,
    IReadOnlyList<string> Authors,
    Guid? InstitutionId,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Tags,
    DateOnly? PublishedOn,
    DateTimeOffset? PublishAt,
    string? VideoUrl,
    string? ReviewComment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Url,
    IReadOnlyList<LibraryAttachmentDto> Attachments);

public sealed record LibraryAttachmentDto(Guid Id, string Title, string? Language, string FileName, string ContentType, long Length, string Url);

public sealed record LibraryItemSummaryDto(
    Guid Id,
    string Slug,
    string Kind,
    string Status,
    string Language,
    string Title,
    string Summary,
    DateOnly? PublishedOn,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Themes,
    string Url);

public sealed record LibraryFilter(string? Kind, string? Theme, string? Country, int? Year, string? Language, string? Status, bool IncludeUnpublished);

public static class LibraryNames
{
    public static string Slug(this LibraryKind kind) => kind switch
    {
        LibraryKind.BestPractice => "best-practice",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Slug(this LibraryStatus status) => status switch
    {
        LibraryStatus.InReview => "in-review",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKind(string? text, out LibraryKind kind) => TryParse(text, out kind);

    public static bool TryParseStatus(string? text, out LibraryStatus status) => TryParse(text, out status);

    private static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var compact = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        if (compact.Length > 0 && !char.IsDigit(compact[0]) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value)) return true;
        value = default;
        return false;
    }
}
