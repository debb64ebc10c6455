using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Records;

/// <summary>
/// The academy's Learning Record Store: the xAPI 1.0.3 resources at /xapi/ (statements, state, activity and
/// agent profiles, activities, agents, about) for client applications with HTTP Basic credentials, the API
/// that creates and revokes those credentials, and the academy's own events recorded as statements.
/// </summary>
public static class RecordsFeature
{
    public static IServiceCollection AddAcademyRecords(this IServiceCollection services)
    {
        services.AddScoped<StatementService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<XapiClientService>();
        services.AddScoped<Platform.Outbox.IOutboxHandler, AcademyStatements>();
        return services;
    }

    public static IEndpointRouteBuilder MapAcademyRecords(this IEndpointRouteBuilder routes)
    {
        routes.Map("/xapi/{**path}", XapiEndpoints.HandleAsync).ExcludeFromDescription().DisableAntiforgery();

        var api = routes.MapGroup("/api/v1/xapi/clients").WithTags("Learning Record Store")
            .RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy);
        api.MapGet("", async (HttpContext http, XapiClientService clients, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await clients.ListAsync(http.User.Actor(), ct)).ToResult(l, c => TypedResults.Ok(c)))
            .WithSummary("The LRS's client applications (academy staff and administrators).")
            .Produces<IReadOnlyList<XapiClientDto>>().ProducesProblem(403);
        api.MapPost("", async (XapiClientInput input, HttpContext http, XapiClientService clients, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await clients.CreateAsync(http.User.Actor(), input, ct)).ToResult(l, c => TypedResults.Created($"/api/v1/xapi/clients/{c.Client.Id}", c)))
            .WithSummary("Creates a client application with its scopes; answers its key and secret (the secret only this once). Audited.")
            .Produces<XapiCredentialsDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapDelete("/{id:guid}", async (Guid id, HttpContext http, XapiClientService clients, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await clients.RevokeAsync(http.User.Actor(), id, ct)).ToResult(l, c => TypedResults.Ok(c)))
            .WithSummary("Revokes a client application: its credentials stop working at once. Audited.")
            .Produces<XapiClientDto>().ProducesProblem(403).ProducesProblem(404);
        return routes;
    }
}
