using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Directory;

public static class DirectoryApi
{
    public static void MapDirectoryApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Directory").RequireRateLimiting(ApiSetup.ApiPolicy);

        api.MapGet("/member-states", async (DateOnly? asOf, bool? history, DirectoryService directory, CancellationToken ct) =>
        {
            var states = await directory.MemberStatesAsync(asOf, history ?? false, ct);
            return TypedResults.Ok(new Page<MemberStateDto>(states, states.Count, 1, states.Count));
        }).WithSummary("The states that have belonged to the OAS, with their status on a date (asOf, default today).")
          .ProducesValidationProblem();

        api.MapGet("/member-states/{code}", async (string code, DateOnly? asOf, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await directory.MemberStateAsync(code, asOf, ct) is { } state ? Results.Ok(state) : l.Problem(404, "Problem.NotFound"))
            .Produces<MemberStateDto>().ProducesProblem(404);

        api.MapPost("/member-states/{code}/membership-events", async (string code, MembershipEventInput input, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.RecordMembershipAsync(http.User.Actor(), code, input, ct)).ToResult(l, e => TypedResults.Created($"/api/v1/member-states/{code.ToUpperInvariant()}", e)))
            .RequireAuthorization().WithSummary("Records a change of membership (administrators).")
            .Produces<MembershipEventDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        var institutions = api.MapGroup("/institutions");
        institutions.MapGet("/", async ([AsParameters] InstitutionQuery query, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!query.TryKind(out var kind)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [l["Validation.InvalidValue"]] }, title: l["Problem.Validation"]);
            return Results.Ok(await directory.InstitutionsAsync(new InstitutionFilter(query.Q, query.Country, kind, query.ParentId, query.Certified), PageRequest.From(query.Page, query.PageSize), ct));
        }).Produces<Page<InstitutionDto>>().ProducesValidationProblem();
        institutions.MapGet("/{id:guid}", async (Guid id, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await directory.InstitutionAsync(id, ct) is { } i ? Results.Ok(i) : l.Problem(404, "Problem.NotFound"))
            .Produces<InstitutionDto>().ProducesProblem(404);
        institutions.MapPost("/", async (InstitutionInput input, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.CreateInstitutionAsync(http.User.Actor(), input, ct)).ToResult(l, i => TypedResults.Created($"/api/v1/institutions/{i.Id}", i)))
            .RequireAuthorization().Produces<InstitutionDto>(201).ProducesValidationProblem().ProducesProblem(403);
        institutions.MapPut("/{id:guid}", async (Guid id, InstitutionInput input, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.UpdateInstitutionAsync(http.User.Actor(), id, input, ct)).ToResult(l, i => TypedResults.Ok(i)))
            .RequireAuthorization().Produces<InstitutionDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        institutions.MapDelete("/{id:guid}", async (Guid id, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.DeleteInstitutionAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        institutions.MapPost("/{id:guid}/certifications", async (Guid id, CertificationInput input, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.AddCertificationAsync(http.User.Actor(), id, input, ct)).ToResult(l, c => TypedResults.Created($"/api/v1/institutions/{id}", c)))
            .RequireAuthorization().Produces<CertificationDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        institutions.MapDelete("/{id:guid}/certifications/{certificationId:guid}", async (Guid id, Guid certificationId, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.RemoveCertificationAsync(http.User.Actor(), id, certificationId, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404);

        var people = api.MapGroup("/people");
        people.MapGet("/", async ([AsParameters] PersonQuery query, HttpContext http, DirectoryService directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.PeopleAsync(http.User.Actor(), new PersonFilter(query.Q, query.Country, query.InstitutionId, query.Language, query.Expertise), PageRequest.From(query.Page, query.PageSize), ct)));
        people.MapGet("/{id:guid}", async (Guid id, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await directory.PersonAsync(http.User.Actor(), id, ct) is { } p ? Results.Ok(p) : l.Problem(404, "Problem.NotFound"))
            .Produces<PersonDto>().ProducesProblem(404);
        people.MapPost("/", async (PersonInput input, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.CreatePersonAsync(http.User.Actor(), input, ct)).ToResult(l, p => TypedResults.Created($"/api/v1/people/{p.Id}", p)))
            .RequireAuthorization().Produces<PersonDto>(201).ProducesValidationProblem().ProducesProblem(403);
        people.MapPut("/{id:guid}", async (Guid id, PersonInput input, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.UpdatePersonAsync(http.User.Actor(), id, input, ct)).ToResult(l, p => TypedResults.Ok(p)))
            .RequireAuthorization().Produces<PersonDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        people.MapDelete("/{id:guid}", async (Guid id, HttpContext http, DirectoryService directory, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await directory.DeletePersonAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404);
    }
}

public sealed record InstitutionQuery(string? Q, string? Country, string? Kind, Guid? ParentId, bool? Certified, int? Page, int? PageSize)
{
    public bool TryKind(out InstitutionKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(Kind)) return true;
        if (Enum.TryParse<InstitutionKind>(Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(Kind, out _))
        {
            kind = k;
            return true;
        }
        return false;
    }
}

public sealed record PersonQuery(string? Q, string? Country, Guid? InstitutionId, string? Language, string? Expertise, int? Page, int? PageSize);
