using System.Text;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Bulk;

public static class EnrolmentImportApi
{
    public const string Root = "/api/v1/academy/enrolments/imports";

    public static void MapEnrolmentImportApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Root).WithTags("Academy").RequireRateLimiting(ApiSetup.ApiPolicy).RequireAuthorization();

        api.MapPost("", async (HttpRequest request, HttpContext http, EnrolmentImportService imports, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var actor = http.User.Actor();
            if (!EnrolmentImportService.CanImport(actor)) return l.Problem(403, "Problem.Forbidden");
            var (bytes, name, tooLarge) = await ReadBodyAsync(request, ct);
            if (tooLarge)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l["Academy.Bulk.TooLarge", EnrolmentCsv.MaxBytes / (1024 * 1024)]] }, title: l["Problem.Validation"]);
            if (bytes is null) return l.Problem(415, "Problem.UnsupportedMediaType", l["Academy.Bulk.SendFile"]);
            return (await imports.ImportAsync(actor, bytes, name, ct)).ToResult(l, r => TypedResults.Created($"{Root}/{r.Id}", r));
        }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(EnrolmentCsv.MaxBytes + 1024 * 1024))
          .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", "application/octet-stream")
          .WithSummary("Enrols learners from a CSV file (multipart field 'file', or a text/csv body): columns email, national_id, name, institution, country, edition. Every good row is enrolled (or waitlisted when seats run out), in one transaction; rejected rows are listed in the report.")
          .Produces<EnrolmentImportDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(415);

        api.MapGet("", async (HttpContext http, EnrolmentImportService imports, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var actor = http.User.Actor();
            if (!EnrolmentImportService.CanImport(actor)) return l.Problem(403, "Problem.Forbidden");
            return Results.Ok(await imports.RecentAsync(actor, 50, ct));
        }).WithSummary("The caller's recent imports (staff: everyone's), newest first.").Produces<IReadOnlyList<EnrolmentImportDto>>();

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, EnrolmentImportService imports, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await imports.GetAsync(http.User.Actor(), id, ct) is { } dto ? Results.Ok(dto) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("An import's counts (the uploader and staff only).").Produces<EnrolmentImportDto>().ProducesProblem(404);

        api.MapGet("/{id:guid}/rejected.csv", async (Guid id, HttpContext http, EnrolmentImportService imports, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var report = await imports.ReportAsync(http.User.Actor(), id, ct);
            if (report is null) return l.Problem(404, "Problem.NotFound");
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(report)).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"enrolment-import-{id}-report.csv");
        }).WithSummary("The rows not imported as they stood (rejected, already enrolled, imported with warnings) and why, as CSV (the uploader and staff only).")
          .Produces(200, contentType: "text/csv").ProducesProblem(404);
    }

    /// <summary>The file from a multipart field "file" (or the first file), or the raw body; null when the request carries neither.</summary>
    internal static async Task<(byte[]? Bytes, string? Name, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > EnrolmentCsv.MaxBytes) return (null, null, true);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null) return (null, null, false);
            if (file.Length > EnrolmentCsv.MaxBytes) return (null, null, true);
            using var ms = new MemoryStream((int)file.Length);
            await file.CopyToAsync(ms, ct);
            return (ms.ToArray(), file.FileName, false);
        }
        var type = request.ContentType ?? "";
        if (!type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            return (null, null, false);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > EnrolmentCsv.MaxBytes) return (null, null, true);
        }
        var name = request.Headers["X-File-Name"].ToString();
        return (body.ToArray(), string.IsNullOrWhiteSpace(name) ? null : name, false);
    }
}
