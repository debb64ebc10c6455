using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Community.Events;

public static class EventsFeature
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<EventsOptions>(config.GetSection("Events"));
        services.AddScoped<EventsService>();
        services.AddScoped<EventsCalendar>();
        services.AddScoped<ReminderService>();
        services.AddHostedService<EventReminderWorker>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Features/Community/Events/Pages/EventEdit", "events/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        routes.MapEventsApi();
        return routes;
    }
}
