using System.Globalization;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Library;

public sealed record LibraryQuery(string? Kind, string? Theme, string? Country, int? Year, string? Language, string? Status, bool? IncludeUnpublished, string? Lang, int? Page, int? PageSize)
{
    public LibraryFilter Filter => new(Kind, Theme, Country, Year, Language, Status, IncludeUnpublished ?? false);
}

public static class LibraryApi
{
    public static void MapLibraryApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/library").WithTags("Library").RequireRateLimiting(ApiSetup.ApiPolicy);

        api.MapGet("/items", async ([AsParameters] LibraryQuery query, HttpContext http, LibraryService library, CancellationToken ct) =>
            TypedResults.Ok(await library.ListAsync(http.User.Actor(), query.Filter, Reader(query.Lang), PageRequest.From(query.Page, query.PageSize), ct)))
            .WithSummary("Published items, newest first, filtered by kind, theme, country, year or language (items with a version in it). " +
                "Editors may add includeUnpublished=true and status=draft|in-review|published|archived.");

        api.MapGet("/items/{idOrSlug}", async (string idOrSlug, string? lang, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await library.GetAsync(http.User.Actor(), idOrSlug, Reader(lang), ct) is { } item ? Results.Ok(item) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("One item by id or slug, in the language asked (lang) when it has that version, else in its original language; `languages` lists the versions.")
            .Produces<LibraryItemDto>().ProducesProblem(404);

        api.MapPost("/items", async (LibraryItemInput input, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await library.CreateAsync(http.User.Actor(), input, ct)).ToResult(l, i => TypedResults.Created($"/api/v1/library/items/{i.Id}", i)))
            .RequireAuthorization().WithSummary("Creates a draft in one language (editors and administrators).")
            .Produces<LibraryItemDto>(201).ProducesValidationProblem().ProducesProblem(403);

        api.MapPut("/items/{id:guid}", async (Guid id, LibraryMetadataInput input, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await library.UpdateMetadataAsync(http.User.Actor(), id, input, ct)).ToResult(l, i => TypedResults.Ok(i)))
            .RequireAuthorization().WithSummary("Replaces what applies to every language version: kind, authors, institution, countries, themes, tags, date, video.")
            .Produces<LibraryItemDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapDelete("/items/{id:guid}", async (Guid id, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await library.DeleteAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().WithSummary("Deletes a draft (its editor) or any item (administrators); published items are archived instead.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404);

        api.MapPost("/items/{id:guid}/translations", async (Guid id, LibraryVersionInput input, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await library.SaveVersionAsync(http.User.Actor(), id, input, ct)).ToResult(l, i => TypedResults.Created($"/api/v1/library/items/{i.Id}?lang={i.Version.Language}", i)))
            .RequireAuthorization().WithSummary("Adds a language version (or replaces the one in that language).")
            .Produces<LibraryItemDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapPut("/items/{id:guid}/translations/{language}", async (Guid id, string language, LibraryVersionInput input, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await library.SaveVersionAsync(http.User.Actor(), id, input with { Language = language }, ct)).ToResult(l, i => TypedResults.Ok(i)))
            .RequireAuthorization().Produces<LibraryItemDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapDelete("/items/{id:guid}/translations/{language}", async (Guid id, string language, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await library.DeleteVersionAsync(http.User.Actor(), id, language, ct)).ToResult(l, i => TypedResults.Ok(i)))
            .RequireAuthorization().WithSummary("Removes a language version; the last one cannot be removed (409).")
            .Produces<LibraryItemDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        Step(api, "submit", "Sends a draft to review.", (s, a, id, i, ct) => s.SubmitAsync(a, id, i, ct));
        Step(api, "approve", "Approves an item in review and publishes it, now or at publishAt (scheduled). Not by its own author while review is required.", (s, a, id, i, ct) => s.ApproveAsync(a, id, i, ct));
        Step(api, "send-back", "Returns an item in review to draft with a comment (required).", (s, a, id, i, ct) => s.SendBackAsync(a, id, i, ct));
        Step(api, "publish", "Publishes directly, now or at publishAt (administrators; editors when review is off).", (s, a, id, i, ct) => s.PublishAsync(a, id, i, ct));
        Step(api, "archive", "Withdraws a published item from the public.", (s, a, id, i, ct) => s.ArchiveAsync(a, id, i, ct));
        Step(api, "restore", "Returns an archived item to draft.", (s, a, id, i, ct) => s.RestoreAsync(a, id, i, ct));

        api.MapPost("/items/{id:guid}/files", (Guid id, HttpRequest request, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Uploads.WithFileAsync(request, l, async (file, form, stream) =>
                (await library.AttachAsync(request.HttpContext.User.Actor(), id, stream, file.FileName, form["title"], form["language"], ct)).ToResult(l, a => TypedResults.Created(a.Url, a)), ct))
          .RequireAuthorization().WithSummary("Attaches a file (multipart/form-data: file, optional title and language). Its type is read from its content: PDF, Word, spreadsheets, presentations, images, MP4/WebM video.")
          .AcceptsUpload()
          .Produces<LibraryAttachmentDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(415);

        api.MapDelete("/items/{id:guid}/files/{attachmentId:guid}", async (Guid id, Guid attachmentId, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await library.DetachAsync(http.User.Actor(), id, attachmentId, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404);

        routes.MapGet("/library/files/{attachmentId:guid}/{name}", async (Guid attachmentId, HttpContext http, LibraryService library, FileStore files, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await library.AttachmentFileAsync(http.User.Actor(), attachmentId, ct) is { } file ? files.Serve(file, inline: true) : l.Problem(404, "Problem.NotFound"))
            .WithTags("Library").WithSummary("Downloads an attached file; videos and PDFs answer range requests.");

        api.MapGet("/review-queue", async (string? lang, HttpContext http, LibraryService library, CancellationToken ct) =>
        {
            var items = await library.ReviewQueueAsync(http.User.Actor(), Reader(lang), ct);
            return TypedResults.Ok(new Page<LibraryItemSummaryDto>(items, items.Count, 1, items.Count));
        }).RequireAuthorization().WithSummary("Items in review that the caller may approve or send back.");
    }

    private static void Step(RouteGroupBuilder api, string name, string summary, Func<LibraryService, Actor, Guid, WorkflowInput, CancellationToken, Task<Outcome<LibraryItemDto>>> step) =>
        api.MapPost($"/items/{{id:guid}}/{name}", async (Guid id, HttpContext http, LibraryService library, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            // The body is optional: a bare POST is a step without comment, published now.
            var input = new WorkflowInput(null, null);
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                if (!http.Request.HasJsonContentType()) return l.Problem(415, "Problem.UnsupportedMediaType", l["Problem.UnsupportedMediaType.Detail"]);
                try { input = await http.Request.ReadFromJsonAsync<WorkflowInput>(ct) ?? input; }
                catch (System.Text.Json.JsonException) { return l.Problem(400, "Problem.MalformedJson"); }
            }
            return (await step(library, http.User.Actor(), id, input, ct)).ToResult(l, i => TypedResults.Ok(i));
        }).RequireAuthorization().WithSummary(summary).Accepts<WorkflowInput>("application/json")
          .Produces<LibraryItemDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    /// <summary>The largest upload accepted at the HTTP level: the video limit and room for the form around it.</summary>
    public const long UploadLimit = Uploads.Limit;

    private static string Reader(string? lang) =>
        string.IsNullOrWhiteSpace(lang) ? Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) : lang.Trim().ToLowerInvariant();
}
