using System.Text;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Library;

public sealed class LibraryOptions
{
    /// <summary>Items need another editor's approval before they are published (administrators may always publish).</summary>
    public bool ReviewRequired { get; set; } = true;
}

/// <summary>The rules of the library: writing, translating, the review workflow, and reading.</summary>
public sealed class LibraryService(
    HemisphereDb db,
    SearchIndex search,
    FileStore files,
    AuditLog audit,
    TimeProvider clock,
    IOptions<LibraryOptions> options,
    IStringLocalizer<SharedResource> l)
{
    public const string SearchSource = "library";
    private bool ReviewRequired => options.Value.ReviewRequired;

    // ---------- reading ----------

    /// <summary>Items with everything their page and their search documents need.</summary>
    private IQueryable<LibraryItem> Whole => db.LibraryItems.Include(i => i.Versions).Include(i => i.Attachments).ThenInclude(a => a.File).AsSplitQuery();

    public async Task<LibraryItem?> FindAsync(string idOrSlug, CancellationToken ct)
    {
        var query = Whole;
        return Guid.TryParse(idOrSlug, out var id)
            ? await query.FirstOrDefaultAsync(i => i.Id == id, ct)
            : await query.FirstOrDefaultAsync(i => i.Slug == idOrSlug.ToLowerInvariant(), ct);
    }

    /// <summary>The item in the reader's language when it has that version, else in its original language.</summary>
    public async Task<LibraryItemDto?> GetAsync(Actor actor, string idOrSlug, string? language, CancellationToken ct)
    {
        var item = await FindAsync(idOrSlug, ct);
        return item is null ? null : Describe(actor, item, language);
    }

    /// <summary>The item as this actor may see it, or null when they may not.</summary>
    public LibraryItemDto? Describe(Actor actor, LibraryItem item, string? language) =>
        LibraryPolicy.CanSee(actor, item, clock.GetUtcNow()) ? ToDto(item, language, LibraryPolicy.CanEdit(actor, item)) : null;

    public async Task<Page<LibraryItemSummaryDto>> ListAsync(Actor actor, LibraryFilter filter, string? language, PageRequest page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var q = db.LibraryItems.AsNoTracking();
        var editorView = filter.IncludeUnpublished && LibraryPolicy.CanCreate(actor);
        if (!editorView) q = q.Where(i => i.Status == LibraryStatus.Published && i.PublishAt <= now);
        else if (!actor.IsAdministrator && !actor.HasGlobalRole(HemisphereRole.Editor))
        {
            var mine = actor.UserId;
            q = q.Where(i => (i.Status == LibraryStatus.Published && i.PublishAt <= now) || i.CreatedBy == mine);
        }
        if (LibraryNames.TryParseStatus(filter.Status, out var status) && editorView) q = q.Where(i => i.Status == status);
        if (LibraryNames.TryParseKind(filter.Kind, out var kind)) q = q.Where(i => i.Kind == kind);
        if (LibraryThemes.Normalise(filter.Theme) is { } theme) q = q.Where(i => i.Themes.Contains(theme));
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var c = filter.Country.Trim().ToUpperInvariant();
            q = q.Where(i => i.Countries.Contains(c));
        }
        if (filter.Year is { } year)
        {
            var from = new DateOnly(Math.Clamp(year, 1, 9998), 1, 1);
            var to = from.AddYears(1);
            q = q.Where(i => i.PublishedOn >= from && i.PublishedOn < to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            var lang = filter.Language.Trim().ToLowerInvariant();
            q = q.Where(i => i.Versions.Any(v => v.Language == lang));
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Skip(page.Skip).Take(page.Size).Include(i => i.Versions).AsSplitQuery().ToListAsync(ct);
        return new Page<LibraryItemSummaryDto>(items.Select(i => ToSummary(i, language)).ToList(), total, page.Number, page.Size);
    }

    /// <summary>Items waiting for a review this actor may give.</summary>
    public async Task<IReadOnlyList<LibraryItemSummaryDto>> ReviewQueueAsync(Actor actor, string? language, CancellationToken ct)
    {
        if (!LibraryPolicy.SeesReviewQueue(actor)) return [];
        var items = await db.LibraryItems.AsNoTracking().Include(i => i.Versions)
            .Where(i => i.Status == LibraryStatus.InReview).OrderBy(i => i.UpdatedAt).Take(200).ToListAsync(ct);
        return items.Where(i => LibraryPolicy.CanReview(actor, i, ReviewRequired)).Select(i => ToSummary(i, language)).ToList();
    }

    // ---------- writing ----------

    public async Task<Outcome<LibraryItemDto>> CreateAsync(Actor actor, LibraryItemInput input, CancellationToken ct)
    {
        if (!LibraryPolicy.CanCreate(actor)) return Outcome<LibraryItemDto>.Forbidden();
        var v = new Validation(l);
        var item = new LibraryItem { CreatedBy = actor.UserId, Status = LibraryStatus.Draft };
        await ApplyMetadataAsync(v, item, new LibraryMetadataInput(input.Kind, input.Authors, input.InstitutionId, input.Countries, input.Themes, input.Tags, input.PublishedOn, input.VideoUrl), ct);
        var version = ReadVersion(v, new LibraryVersionInput(input.Language, input.Title, input.Summary, input.Body));
        string? slug = null;
        if (!string.IsNullOrWhiteSpace(input.Slug))
        {
            slug = input.Slug.Trim().ToLowerInvariant();
            if (slug.Length > LibraryLimits.Slug || !Slugs.IsValid(slug)) v.Add("slug", "Library.InvalidSlug");
            else if (await db.LibraryItems.AnyAsync(i => i.Slug == slug, ct)) v.Add("slug", "Library.SlugTaken");
        }
        if (!v.IsValid || version is null) return Outcome<LibraryItemDto>.Invalid(v.Errors);
        item.OriginalLanguage = version.Language;
        item.Slug = slug ?? await UniqueSlugAsync(version.Title, ct);
        version.ItemId = item.Id;
        item.Versions.Add(version);
        db.LibraryItems.Add(item);
        await SaveAsync(item, ct);
        return Outcome<LibraryItemDto>.Ok(ToDto(item, version.Language, true));
    }

    public async Task<Outcome<LibraryItemDto>> UpdateMetadataAsync(Actor actor, Guid id, LibraryMetadataInput input, CancellationToken ct) =>
        await EditAsync(actor, id, async (item, v) => await ApplyMetadataAsync(v, item, input, ct), null, ct);

    /// <summary>Adds a language version, or replaces it when it exists.</summary>
    public async Task<Outcome<LibraryItemDto>> SaveVersionAsync(Actor actor, Guid id, LibraryVersionInput input, CancellationToken ct)
    {
        string? language = null;
        return await EditAsync(actor, id, (item, v) =>
        {
            var version = ReadVersion(v, input);
            if (version is null) return Task.CompletedTask;
            language = version.Language;
            var existing = item.Versions.FirstOrDefault(x => x.Language == version.Language);
            if (existing is null)
            {
                version.ItemId = item.Id;
                item.Versions.Add(version);
                db.Add(version);
            }
            else
            {
                existing.Title = version.Title;
                existing.Summary = version.Summary;
                existing.Body = version.Body;
                existing.UpdatedAt = clock.GetUtcNow();
            }
            return Task.CompletedTask;
        }, () => language, ct);
    }

    public async Task<Outcome<LibraryItemDto>> DeleteVersionAsync(Actor actor, Guid id, string language, CancellationToken ct)
    {
        var item = await Whole.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !LibraryPolicy.CanSee(actor, item, clock.GetUtcNow())) return Outcome<LibraryItemDto>.NotFound();
        if (!LibraryPolicy.CanEdit(actor, item)) return Outcome<LibraryItemDto>.Forbidden();
        var version = item.Versions.FirstOrDefault(x => x.Language == language.ToLowerInvariant());
        if (version is null) return Outcome<LibraryItemDto>.NotFound();
        if (item.Versions.Count == 1) return Outcome<LibraryItemDto>.Conflict(l["Library.LastVersion"]);
        item.Versions.Remove(version);
        db.Remove(version);
        if (item.OriginalLanguage == version.Language) item.OriginalLanguage = item.Versions[0].Language;
        item.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(item, ct);
        return Outcome<LibraryItemDto>.Ok(ToDto(item, null, true));
    }

    public async Task<Outcome<bool>> DeleteAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var item = await db.LibraryItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !LibraryPolicy.CanSee(actor, item, clock.GetUtcNow())) return Outcome<bool>.NotFound();
        // Published items are archived, not deleted: links to them must keep working.
        if (!actor.IsAdministrator && !(LibraryPolicy.CanEdit(actor, item) && item.Status == LibraryStatus.Draft)) return Outcome<bool>.Forbidden();
        db.LibraryItems.Remove(item);
        await search.StageAsync(SearchSource, id, [], ct);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    // ---------- attachments ----------

    /// <summary>Stores an uploaded file (type checked by content, size limited) and attaches it.</summary>
    public async Task<Outcome<LibraryAttachmentDto>> AttachAsync(Actor actor, Guid id, Stream content, string fileName, string? title, string? language, CancellationToken ct)
    {
        var item = await Whole.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !LibraryPolicy.CanSee(actor, item, clock.GetUtcNow())) return Outcome<LibraryAttachmentDto>.NotFound();
        if (!LibraryPolicy.CanEdit(actor, item)) return Outcome<LibraryAttachmentDto>.Forbidden();
        var v = new Validation(l);
        var name = v.Text("title", title, LibraryLimits.Title);
        var lang = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        if (lang is not null && !Languages.Supported.Contains(lang)) v.Add("language", "Library.UnsupportedLanguage", string.Join(", ", Languages.Supported));
        if (item.Attachments.Count >= LibraryLimits.Attachments) v.Add("file", "Validation.TooMany", LibraryLimits.Attachments);
        if (!v.IsValid) return Outcome<LibraryAttachmentDto>.Invalid(v.Errors);
        var stored = await files.SaveAsync(content, fileName, AttachmentTypes, actor.UserId, ct);
        if (!stored.IsOk) return Outcome<LibraryAttachmentDto>.Invalid(stored.Errors);
        var attachment = new LibraryAttachment { ItemId = item.Id, File = stored.Value!, Language = lang, Title = name ?? stored.Value!.OriginalName, AddedAt = clock.GetUtcNow() };
        db.Add(stored.Value!);
        db.Add(attachment);
        item.Attachments.Add(attachment);
        item.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(item, ct);
        return Outcome<LibraryAttachmentDto>.Ok(ToDto(attachment));
    }

    public async Task<Outcome<bool>> DetachAsync(Actor actor, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var item = await Whole.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !LibraryPolicy.CanSee(actor, item, clock.GetUtcNow())) return Outcome<bool>.NotFound();
        var attachment = item.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null) return Outcome<bool>.NotFound();
        if (!LibraryPolicy.CanEdit(actor, item)) return Outcome<bool>.Forbidden();
        item.Attachments.Remove(attachment);
        db.Remove(attachment);
        item.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(item, ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The file of an attachment, when the actor may see its item.</summary>
    public async Task<StoredFile?> AttachmentFileAsync(Actor actor, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await db.Set<LibraryAttachment>().AsNoTracking().Include(a => a.File).FirstOrDefaultAsync(a => a.Id == attachmentId, ct);
        if (attachment is null) return null;
        var item = await db.LibraryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == attachment.ItemId, ct);
        return item is not null && LibraryPolicy.CanSee(actor, item, clock.GetUtcNow()) ? attachment.File : null;
    }

    public const FileCategory AttachmentTypes = FileCategory.Publication | FileCategory.Image | FileCategory.Video;

    public static string AttachmentUrl(LibraryAttachment a) =>
        $"/library/files/{a.Id}/{Uri.EscapeDataString(a.File.OriginalName)}";

    private static LibraryAttachmentDto ToDto(LibraryAttachment a) =>
        new(a.Id, a.Title, a.Language, a.File.OriginalName, a.File.ContentType, a.File.Length, AttachmentUrl(a));

    // ---------- workflow ----------

    public Task<Outcome<LibraryItemDto>> SubmitAsync(Actor actor, Guid id, WorkflowInput input, CancellationToken ct) =>
        TransitionAsync(actor, id, "library.submit", input, (item, v) =>
        {
            if (!LibraryPolicy.CanEdit(actor, item)) return Outcome<LibraryItemDto>.Forbidden();
            if (item.Status != LibraryStatus.Draft) return Outcome<LibraryItemDto>.Conflict(l["Library.WrongStatus", l["Library.Status." + item.Status.Slug()]]);
            item.Status = LibraryStatus.InReview;
            item.ReviewComment = null;
            return null;
        }, ct);

    public Task<Outcome<LibraryItemDto>> ApproveAsync(Actor actor, Guid id, WorkflowInput input, CancellationToken ct) =>
        TransitionAsync(actor, id, "library.approve", input, (item, v) =>
        {
            if (!LibraryPolicy.CanReview(actor, item, ReviewRequired)) return Outcome<LibraryItemDto>.Forbidden();
            if (item.Status != LibraryStatus.InReview) return Outcome<LibraryItemDto>.Conflict(l["Library.WrongStatus", l["Library.Status." + item.Status.Slug()]]);
            Publish(item, input);
            return null;
        }, ct);

    public Task<Outcome<LibraryItemDto>> SendBackAsync(Actor actor, Guid id, WorkflowInput input, CancellationToken ct) =>
        TransitionAsync(actor, id, "library.send-back", input, (item, v) =>
        {
            if (!LibraryPolicy.CanReview(actor, item, ReviewRequired)) return Outcome<LibraryItemDto>.Forbidden();
            if (item.Status != LibraryStatus.InReview) return Outcome<LibraryItemDto>.Conflict(l["Library.WrongStatus", l["Library.Status." + item.Status.Slug()]]);
            var comment = v.Text("comment", input.Comment, LibraryLimits.Comment, required: true);
            if (!v.IsValid) return Outcome<LibraryItemDto>.Invalid(v.Errors);
            item.Status = LibraryStatus.Draft;
            item.ReviewComment = comment;
            return null;
        }, ct);

    /// <summary>Publishes without review (administrators; editors when review is off), now or at a later time.</summary>
    public Task<Outcome<LibraryItemDto>> PublishAsync(Actor actor, Guid id, WorkflowInput input, CancellationToken ct) =>
        TransitionAsync(actor, id, "library.publish", input, (item, v) =>
        {
            if (!LibraryPolicy.CanPublishDirectly(actor, item, ReviewRequired)) return Outcome<LibraryItemDto>.Forbidden();
            if (item.Status == LibraryStatus.Published && item.IsPublicAt(clock.GetUtcNow()))
                return Outcome<LibraryItemDto>.Conflict(l["Library.WrongStatus", l["Library.Status.published"]]);
            Publish(item, input);
            return null;
        }, ct);

    public Task<Outcome<LibraryItemDto>> ArchiveAsync(Actor actor, Guid id, WorkflowInput input, CancellationToken ct) =>
        TransitionAsync(actor, id, "library.archive", input, (item, v) =>
        {
            if (!LibraryPolicy.CanEdit(actor, item)) return Outcome<LibraryItemDto>.Forbidden();
            if (item.Status != LibraryStatus.Published) return Outcome<LibraryItemDto>.Conflict(l["Library.WrongStatus", l["Library.Status." + item.Status.Slug()]]);
            item.Status = LibraryStatus.Archived;
            return null;
        }, ct);

    /// <summary>An archived item goes back to draft, to be reviewed again.</summary>
    public Task<Outcome<LibraryItemDto>> RestoreAsync(Actor actor, Guid id, WorkflowInput input, CancellationToken ct) =>
        TransitionAsync(actor, id, "library.restore", input, (item, v) =>
        {
            if (!LibraryPolicy.CanEdit(actor, item)) return Outcome<LibraryItemDto>.Forbidden();
            if (item.Status != LibraryStatus.Archived) return Outcome<LibraryItemDto>.Conflict(l["Library.WrongStatus", l["Library.Status." + item.Status.Slug()]]);
            item.Status = LibraryStatus.Draft;
            item.PublishAt = null;
            return null;
        }, ct);

    private void Publish(LibraryItem item, WorkflowInput input)
    {
        var now = clock.GetUtcNow();
        item.Status = LibraryStatus.Published;
        item.PublishAt = input.PublishAt is { } at && at > now ? at.ToUniversalTime() : now;
        item.PublishedOn ??= DateOnly.FromDateTime(item.PublishAt.Value.UtcDateTime);
        item.ReviewComment = null;
    }

    private async Task<Outcome<LibraryItemDto>> TransitionAsync(
        Actor actor, Guid id, string action, WorkflowInput input, Func<LibraryItem, Validation, Outcome<LibraryItemDto>?> step, CancellationToken ct)
    {
        var item = await Whole.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !LibraryPolicy.CanSee(actor, item, clock.GetUtcNow())) return Outcome<LibraryItemDto>.NotFound();
        var from = item.Status;
        var refused = step(item, new Validation(l));
        if (refused is not null) return refused;
        item.UpdatedAt = clock.GetUtcNow();
        audit.Record(action, nameof(LibraryItem), item.Id.ToString(), new { from = from.Slug(), to = item.Status.Slug(), comment = input.Comment, publishAt = item.PublishAt });
        await SaveAsync(item, ct);
        return Outcome<LibraryItemDto>.Ok(ToDto(item, null, true));
    }

    private async Task<Outcome<LibraryItemDto>> EditAsync(Actor actor, Guid id, Func<LibraryItem, Validation, Task> change, Func<string?>? shownLanguage, CancellationToken ct)
    {
        var item = await Whole.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !LibraryPolicy.CanSee(actor, item, clock.GetUtcNow())) return Outcome<LibraryItemDto>.NotFound();
        if (!LibraryPolicy.CanEdit(actor, item)) return Outcome<LibraryItemDto>.Forbidden();
        var v = new Validation(l);
        await change(item, v);
        if (!v.IsValid) return Outcome<LibraryItemDto>.Invalid(v.Errors);
        item.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(item, ct);
        return Outcome<LibraryItemDto>.Ok(ToDto(item, shownLanguage?.Invoke(), true));
    }

    /// <summary>Saves the item and its search documents in one SaveChanges.</summary>
    private async Task SaveAsync(LibraryItem item, CancellationToken ct)
    {
        await search.StageAsync(SearchSource, item.Id, LibrarySearch.Of(item), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyMetadataAsync(Validation v, LibraryItem item, LibraryMetadataInput input, CancellationToken ct)
    {
        if (!LibraryNames.TryParseKind(input.Kind, out var kind)) v.Add("kind", string.IsNullOrWhiteSpace(input.Kind) ? "Validation.Required" : "Library.InvalidKind");
        item.Kind = kind;
        item.Authors = v.List("authors", input.Authors, LibraryLimits.ListCount, LibraryLimits.ListEntry);
        item.Tags = v.List("tags", input.Tags, LibraryLimits.ListCount, LibraryLimits.ListEntry);
        var countries = v.List("countries", input.Countries, LibraryLimits.ListCount, 2).Select(c => c.ToUpperInvariant()).ToList();
        foreach (var c in countries.Where(c => !MemberStateCatalogue.IsCode(c))) v.Add("countries", "Validation.UnknownCountry", c);
        item.Countries = countries;
        var themes = new List<string>();
        foreach (var t in v.List("themes", input.Themes, LibraryLimits.ListCount, LibraryLimits.ListEntry))
        {
            if (LibraryThemes.Normalise(t) is { } slug) themes.Add(slug);
            else v.Add("themes", "Library.UnknownTheme", t);
        }
        item.Themes = themes.Distinct(StringComparer.Ordinal).ToList();
        if (input.InstitutionId is { } institution && !await db.Institutions.AnyAsync(i => i.Id == institution, ct)) v.Add("institutionId", "Validation.UnknownInstitution");
        item.InstitutionId = input.InstitutionId;
        item.PublishedOn = input.PublishedOn;
        var video = v.Url("videoUrl", input.VideoUrl, 1000);
        if (video is not null && VideoEmbed.For(video) is null) v.Add("videoUrl", "Library.VideoHost");
        item.VideoUrl = video;
    }

    private LibraryVersion? ReadVersion(Validation v, LibraryVersionInput input)
    {
        var language = (input.Language ?? "").Trim().ToLowerInvariant();
        if (language.Length == 0) v.Add("language", "Validation.Required");
        else if (!Languages.Supported.Contains(language)) v.Add("language", "Library.UnsupportedLanguage", string.Join(", ", Languages.Supported));
        var title = v.Text("title", input.Title, LibraryLimits.Title, required: true);
        var summary = v.Text("summary", input.Summary, LibraryLimits.Summary);
        var body = v.Text("body", input.Body, LibraryLimits.Body);
        if (!v.IsValid) return null;
        return new LibraryVersion { Language = language, Title = title!, Summary = summary ?? "", Body = body ?? "", UpdatedAt = clock.GetUtcNow() };
    }

    private async Task<string> UniqueSlugAsync(string title, CancellationToken ct)
    {
        var stem = Slugs.From(title);
        return await Slugs.UniqueAsync(stem.Length == 0 ? "item" : stem, s => db.LibraryItems.AnyAsync(i => i.Slug == s, ct));
    }

    // ---------- shapes ----------

    public static LibraryVersion Pick(LibraryItem item, string? language) =>
        item.Versions.FirstOrDefault(v => v.Language == language)
        ?? item.Versions.FirstOrDefault(v => v.Language == item.OriginalLanguage)
        ?? item.Versions.OrderBy(v => v.Language, StringComparer.Ordinal).First();

    public static IReadOnlyList<string> LanguagesOf(LibraryItem item) =>
        item.Versions.Select(v => v.Language).OrderBy(x => Array.IndexOf(Languages.Supported, x)).ToList();

    public static string UrlOf(LibraryItem item, string? language = null) =>
        "/library/" + item.Slug + (language is null ? "" : "?lang=" + language);

    private LibraryItemDto ToDto(LibraryItem item, string? language, bool editor)
    {
        var version = Pick(item, language);
        return new LibraryItemDto(item.Id, item.Slug, item.Kind.Slug(), item.Status.Slug(),
            item.Status == LibraryStatus.Published && item.PublishAt > clock.GetUtcNow(),
            item.OriginalLanguage, LanguagesOf(item),
            new LibraryVersionDto(version.Language, version.Title, version.Summary, version.Body),
            item.Authors, item.InstitutionId, item.Countries, item.Themes, item.Tags, item.PublishedOn, item.PublishAt, item.VideoUrl,
            editor ? item.ReviewComment : null, item.CreatedAt, item.UpdatedAt, UrlOf(item),
            item.Attachments.OrderBy(a => a.AddedAt).Select(ToDto).ToList());
    }

    private static LibraryItemSummaryDto ToSummary(LibraryItem item, string? language)
    {
        var version = Pick(item, language);
        return new LibraryItemSummaryDto(item.Id, item.Slug, item.Kind.Slug(), item.Status.Slug(), version.Language, version.Title, version.Summary,
            item.PublishedOn, LanguagesOf(item), item.Countries, item.Themes, UrlOf(item));
    }
}
