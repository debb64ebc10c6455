using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Outbox;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Notifications;

public sealed record NotificationQuery(bool? Unread, int? Page, int? PageSize);

public static class NotificationsFeature
{
    public static IServiceCollection AddHemisphereNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NotificationOptions>(config.GetSection("Notifications"));
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationBell>();
        services.AddScoped<NotificationMails>();
        services.AddScoped<DigestService>();
        services.AddScoped<IOutboxHandler, ImmediateMailHandler>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<PublicAddress>();
        services.AddHostedService<DigestWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapHemisphereNotifications(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireRateLimiting(ApiSetup.ApiPolicy).RequireAuthorization();

        api.MapGet("", async ([AsParameters] NotificationQuery query, HttpContext http, NotificationService notifications, CancellationToken ct) =>
            TypedResults.Ok(await notifications.ListAsync(http.User.Actor(), query.Unread ?? false, PageRequest.From(query.Page, query.PageSize), ct)))
            .WithSummary("The caller's notifications, newest first (unread=true for unread only), with `unread`: how many are unread. Texts are in the request's language.")
            .Produces<NotificationPageDto>();

        api.MapPost("/{id:guid}/read", async (Guid id, HttpContext http, NotificationService notifications, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await notifications.MarkReadAsync(http.User.Actor(), id, ct)).ToResult(l, n => TypedResults.Ok(n)))
            .WithSummary("Marks one of the caller's notifications read.")
            .Produces<NotificationDto>().ProducesProblem(404);

        api.MapPost("/read-all", async (HttpContext http, NotificationService notifications, CancellationToken ct) =>
            TypedResults.Ok(new MarkedReadDto(await notifications.MarkAllReadAsync(http.User.Actor(), ct))))
            .WithSummary("Marks all the caller's notifications read; answers how many were unread.")
            .Produces<MarkedReadDto>();

        api.MapGet("/preferences", async (HttpContext http, NotificationService notifications, CancellationToken ct) =>
            TypedResults.Ok(await notifications.PreferencesAsync(http.User.Actor(), ct)))
            .WithSummary("How the caller receives each kind of notification: immediately (an e-mail each), daily or weekly (a digest e-mail), or never (on the site only).")
            .Produces<NotificationPreferencesDto>();

        api.MapPut("/preferences", async (NotificationPreferencesInput input, HttpContext http, NotificationService notifications, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await notifications.SavePreferencesAsync(http.User.Actor(), input, ct)).ToResult(l, p => TypedResults.Ok(p)))
            .WithSummary("Sets the delivery of the kinds listed: { preferences: [ { kind, delivery } ] }; kinds not listed keep theirs.")
            .Produces<NotificationPreferencesDto>().ProducesValidationProblem();

        return routes;
    }
}
