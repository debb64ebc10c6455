using System.Globalization;
using System.Text;
using System.Xml;
using Hemisphere.Features.Directory;
using Hemisphere.Features.Portfolio.Import;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Portfolio;

public sealed record ImportRequest(List<ImportedActivity>? Activities, string? Source, bool? Publish);

public sealed record ImportPreview(IReadOnlyList<ImportedActivity> Activities, IReadOnlyList<string> Warnings);

public sealed record ActivityQuery(string? Q, string? Country, string? Donor, string? Pillar, int? Year, string? Status, Guid? ProgrammeId, bool? IncludeUnpublished, int? Page, int? PageSize)
{
    public ActivityFilter Filter => new(Q, Country, Donor, Pillar, Year, Status, ProgrammeId, IncludeUnpublished ?? false);
}

public static class PortfolioApi
{
    public static void MapPortfolioApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/portfolio").WithTags("Portfolio").RequireRateLimiting(ApiSetup.ApiPolicy);

        api.MapGet("/activities", async ([AsParameters] ActivityQuery query, HttpContext http, PortfolioService portfolio, CancellationToken ct) =>
            TypedResults.Ok(await portfolio.ListAsync(http.User.Actor(), query.Filter, PageRequest.From(query.Page, query.PageSize), ct)))
            .WithSummary("Published activities (editors may add includeUnpublished=true), filtered by country, donor, pillar, year, status, programme or text.");
        api.MapGet("/activities/{id:guid}", async (Guid id, HttpContext http, PortfolioService portfolio, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await portfolio.GetAsync(http.User.Actor(), id, ct) is { } a ? Results.Ok(a) : l.Problem(404, "Problem.NotFound"))
            .Produces<ActivityDto>().ProducesProblem(404);
        api.MapPost("/activities", async (ActivityInput input, HttpContext http, PortfolioService portfolio, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await portfolio.CreateAsync(http.User.Actor(), input, ct)).ToResult(l, a => TypedResults.Created($"/api/v1/portfolio/activities/{a.Id}", a)))
            .RequireAuthorization().Produces<ActivityDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapPut("/activities/{id:guid}", async (Guid id, ActivityInput input, HttpContext http, PortfolioService portfolio, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await portfolio.UpdateAsync(http.User.Actor(), id, input, ct)).ToResult(l, a => TypedResults.Ok(a)))
            .RequireAuthorization().Produces<ActivityDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/activities/{id:guid}", async (Guid id, HttpContext http, PortfolioService portfolio, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await portfolio.DeleteAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404);

        api.MapGet("/programmes", async (HttpContext http, PortfolioService portfolio, CancellationToken ct) =>
        {
            var list = await portfolio.ProgrammesAsync(http.User.Actor(), ct);
            return TypedResults.Ok(new Page<ProgrammeDto>(list, list.Count, 1, list.Count));
        });
        api.MapPost("/programmes", async (ProgrammeInput input, HttpContext http, PortfolioService portfolio, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await portfolio.CreateProgrammeAsync(http.User.Actor(), input, ct)).ToResult(l, p => TypedResults.Created($"/api/v1/portfolio/programmes/{p.Id}", p)))
            .RequireAuthorization().Produces<ProgrammeDto>(201).ProducesValidationProblem().ProducesProblem(403);

        api.MapPost("/import/preview", async (HttpRequest request, string? country, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!PortfolioPolicy.CanImport(http.User.Actor())) return l.Problem(403, "Problem.Forbidden");
            var (bytes, tooLarge) = await ReadBodyAsync(request, ct);
            if (tooLarge) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l["Portfolio.Import.TooLarge"]] }, title: l["Problem.Validation"]);
            if (bytes is null) return l.Problem(415, "Problem.UnsupportedMediaType", l["Portfolio.Import.SendFile"]);
            var (text, error) = SheetFile.Read(bytes);
            if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l[error]] }, title: l["Problem.Validation"]);
            var hint = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
            if (hint is not null && !Hemisphere.Features.Directory.MemberStateCatalogue.IsCode(hint))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["country"] = [l["Validation.UnknownCountry", country!]] }, title: l["Problem.Validation"]);
            var result = SheetParser.Parse(text!, hint);
            if (result.Activities.Count == 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l["Portfolio.Import.NoActivity"]] }, title: l["Problem.Validation"]);
            return Results.Ok(new ImportPreview(result.Activities, result.Warnings));
        }).RequireAuthorization().DisableAntiforgery().Accepts<IFormFile>("multipart/form-data", "text/plain", "application/pdf", "application/octet-stream")
          .WithSummary("Reads a programme sheet (text or PDF; multipart field 'file' or a text/plain body) and answers the activities found, without saving.")
          .Produces<ImportPreview>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(415);

        api.MapPost("/import", async (ImportRequest input, HttpContext http, PortfolioService portfolio, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await portfolio.ImportAsync(http.User.Actor(), input.Activities ?? [], input.Source, input.Publish ?? true, ct)).ToResult(l, s => TypedResults.Ok(s)))
            .RequireAuthorization().WithSummary("Saves previewed (and corrected) activities; an activity already in the portfolio under the same name is updated, never duplicated.")
            .Produces<ImportSummary>().ProducesValidationProblem().ProducesProblem(403);

        api.MapGet("/iati", async (HttpContext http, PortfolioService portfolio, IOptions<IatiOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var activities = await portfolio.FilteredAsync(Actor.System(), PublishedOnly, ct);
            http.Response.ContentType = "application/xml; charset=utf-8";
            // The writer is synchronous; buffer (in memory, then a temporary file) and send asynchronously.
            await using var buffer = new Microsoft.AspNetCore.WebUtilities.FileBufferingWriteStream();
            using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
                IatiExport.Write(writer, activities.OrderBy(a => a.StartDate ?? DateOnly.MaxValue), options.Value, clock.GetUtcNow());
            await buffer.DrainBufferAsync(http.Response.Body, ct);
        }).WithSummary("All published activities as an IATI 2.03 activities file.").Produces(200, contentType: "application/xml");

        api.MapGet("/export.json", async (HttpContext http, PortfolioService portfolio, CancellationToken ct) =>
            TypedResults.Ok((await portfolio.FilteredAsync(http.User.Actor(), PublishedOnly, ct)).Select(a => portfolio.ToDto(a, true))))
            .WithSummary("All published activities as JSON, with every translation.");
        api.MapGet("/export.csv", async (HttpContext http, PortfolioService portfolio, CancellationToken ct) =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"hemisphere-activities.csv\"";
            var activities = await portfolio.FilteredAsync(http.User.Actor(), PublishedOnly, ct);
            // CsvHelper writes synchronously; buffer (in memory, then a temporary file) and send asynchronously.
            await using var buffer = new Microsoft.AspNetCore.WebUtilities.FileBufferingWriteStream();
            await PortfolioCsv.WriteAsync(buffer, activities.Select(x => portfolio.ToDto(x, false)));
            await buffer.DrainBufferAsync(http.Response.Body, ct);
        }).WithSummary("All published activities as CSV (lists separated by ';').").Produces(200, contentType: "text/csv");

        api.MapGet("/dashboard", async (HttpContext http, PortfolioService portfolio, DirectoryService directory, CancellationToken ct) =>
        {
            var names = (await directory.MemberStatesAsync(null, false, ct)).ToDictionary(s => s.Code, s => s.Name);
            return TypedResults.Ok(await portfolio.DashboardAsync(http.User.Actor(), names, ct));
        }).WithSummary("Published activities (and funding where known) by country, donor, pillar, year and status.");
    }

    private static readonly ActivityFilter PublishedOnly = new(null, null, null, null, null, null, null, false);

    /// <summary>The sheet from a multipart field "file" or the raw body; null when the request carries neither.</summary>
    private static async Task<(byte[]? Bytes, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > SheetFile.MaxBytes) return (null, true);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null) return form.TryGetValue("text", out var t) ? (Encoding.UTF8.GetBytes(t.ToString()), false) : (null, false);
            if (file.Length > SheetFile.MaxBytes) return (null, true);
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            return (ms.ToArray(), false);
        }
        var type = request.ContentType ?? "";
        if (!type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            return (null, false);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > SheetFile.MaxBytes) return (null, true);
        }
        return (body.ToArray(), false);
    }
}
