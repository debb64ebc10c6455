using System.Text;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Dashboards;

public static class AcademyDashboardApi
{
    public static void MapAcademyDashboardApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/academy").WithTags("Academy").RequireRateLimiting(ApiSetup.ApiPolicy).RequireAuthorization();

        api.MapGet("/dashboard", async ([AsParameters] DashboardQuery query, HttpContext http, AcademyDashboardService dashboards, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await dashboards.GetAsync(http.User.Actor(), query, ct)).ToResult(l, d => TypedResults.Ok(d)))
            .WithSummary("Officers enrolled, active (last 30 days) and completed, by country, institution, course, edition or year (by=…), filtered by year, country, course and institution; staff see all, institution managers their institutions.")
            .Produces<AcademyDashboard>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapGet("/dashboard.csv", async ([AsParameters] DashboardQuery query, HttpContext http, AcademyDashboardService dashboards, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await dashboards.GetAsync(http.User.Actor(), query, ct)).ToResult(l, d =>
            {
                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AcademyDashboardService.ToCsv(d))).ToArray();
                return Results.File(bytes, "text/csv; charset=utf-8", $"academy-{d.By}{(d.Year is { } y ? "-" + y : "")}.csv");
            }))
            .WithSummary("The same figures as CSV (UTF-8 with BOM), with a total line.")
            .Produces(200, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }
}
