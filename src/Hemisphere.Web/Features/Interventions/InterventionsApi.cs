using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Interventions;

public sealed record InterventionQuery(string? Q, string? Area, string? Population, string? Rating, string? Country, string? Kind, bool? IncludeDrafts, int? Page, int? PageSize)
{
    public InterventionFilter Filter => new(Q, Area, Population, Rating, Country, Kind, IncludeDrafts ?? false);
}

public sealed record ScaleEntry(string Code, string Label, string Description);

public sealed record InterventionVocabularyDto(
    IReadOnlyList<string> Areas, IReadOnlyList<ScaleEntry> Ratings, IReadOnlyList<string> AgeGroups, IReadOnlyList<string> Sexes,
    IReadOnlyList<string> RiskStatuses, IReadOnlyList<string> Settings, IReadOnlyList<string> Localities);

public static class InterventionsApi
{
    public static void MapInterventionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/interventions").WithTags("Interventions").RequireRateLimiting(ApiSetup.ApiPolicy);

        api.MapGet("", async ([AsParameters] InterventionQuery query, HttpContext http, InterventionsService catalogue, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await catalogue.ListAsync(http.User.Actor(), query.Filter, PageRequest.From(query.Page, query.PageSize), ct)).ToResult(l, p => TypedResults.Ok(p)))
            .WithSummary("Published entries (editors may add includeDrafts=true), filtered by area, population (age group, sex or risk status), rating, kind, country where applied, or text in name and summary.")
            .Produces<Page<InterventionListItem>>().ProducesValidationProblem();
        api.MapGet("/vocabulary", (IStringLocalizer<SharedResource> l) => TypedResults.Ok(new InterventionVocabularyDto(
                Enum.GetValues<PreventionArea>().Select(InterventionCodes.Code).ToList(),
                Enum.GetValues<EvidenceRating>().Select(r => new ScaleEntry(InterventionCodes.Code(r), l[InterventionCodes.RatingKey(r)], l[InterventionCodes.RatingDescriptionKey(r)])).ToList(),
                InterventionVocabulary.AgeGroups, InterventionVocabulary.Sexes, InterventionVocabulary.RiskStatuses, InterventionVocabulary.Settings, InterventionVocabulary.Localities)))
            .WithSummary("The codes of the controlled fields and Hemisphere's evidence scale, explained in the caller's language.");
        api.MapGet("/{key}", async (string key, HttpContext http, InterventionsService catalogue, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await catalogue.GetAsync(http.User.Actor(), key, ct) is { } e ? Results.Ok(e) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("One entry by its id or its slug.").Produces<InterventionDto>().ProducesProblem(404);
        api.MapPost("", async (InterventionInput input, HttpContext http, InterventionsService catalogue, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await catalogue.CreateAsync(http.User.Actor(), input, ct)).ToResult(l, e => TypedResults.Created($"/api/v1/interventions/{e.Id}", e)))
            .RequireAuthorization().Produces<InterventionDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapPut("/{key}", async (string key, InterventionInput input, HttpContext http, InterventionsService catalogue, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await catalogue.UpdateAsync(http.User.Actor(), key, input, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().WithSummary("Replaces the entry (by id or slug); without a slug it keeps its own.")
            .Produces<InterventionDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/{key}", async (string key, HttpContext http, InterventionsService catalogue, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await catalogue.DeleteAsync(http.User.Actor(), key, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404);
    }
}
