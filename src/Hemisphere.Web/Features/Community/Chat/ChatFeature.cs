using Microsoft.AspNetCore.Mvc.RazorPages;
using StackExchange.Redis;

namespace Hemisphere.Features.Community.Chat;

/// <summary>
/// Chat: rooms, direct messages, the hub at /hubs/chat. With Redis:Configuration set (a StackExchange.Redis
/// connection string, e.g. "redis:6379"), SignalR uses Redis as its backplane so that several copies of
/// Hemisphere behind one address serve the same rooms; without it, one node delivers to its own clients.
/// </summary>
public static class ChatFeature
{
    public const string HubPath = "/hubs/chat";

    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ChatOptions>(config.GetSection("Chat"));
        services.AddScoped<ChatService>();
        services.AddSingleton<ChatFloodGuard>();
        services.AddSingleton<ChatPresence>();
        services.AddSingleton<IChatNotifier, HubChatNotifier>();
        var signalR = services.AddSignalR();
        if (config["Redis:Configuration"] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(config["Redis:ChannelPrefix"] is { Length: > 0 } p ? p : "hemisphere"));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Features/Community/Chat/Pages"));
        return services;
    }

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<ChatHub>(HubPath);
        routes.MapChatApi();
        return routes;
    }
}
