using Hemisphere.Features.Academy;
using Hemisphere.Features.Academy.Bulk;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Features.Academy.Dashboards;
using Hemisphere.Features.Academy.Quizzes;
using Hemisphere.Features.Academy.Records;
using Hemisphere.Features.Community.Chat;
using Hemisphere.Features.Community.Events;
using Hemisphere.Features.Community.Forums;
using Hemisphere.Features.Directory;
using Hemisphere.Features.Interventions;
using Hemisphere.Features.Library;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Mail;
using Hemisphere.Platform.Notifications;
using Hemisphere.Platform.Observability;
using Hemisphere.Platform.Outbox;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Security;
using Hemisphere.Platform.Ui;

namespace Hemisphere.Platform;

/// <summary>The composition root: the platform, then each feature adds and maps itself.</summary>
public static class HemisphereHost
{
    public static WebApplicationBuilder AddHemisphere(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (string.Equals(config["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        var paths = new HemispherePaths(config["Hemisphere:DataDirectory"] ?? Path.Combine(Directory.GetCurrentDirectory(), "data"));
        var services = builder.Services;
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddHemisphereData(DataSetup.ReadDatabaseOptions(config, paths.DataDirectory));
        services.AddHemisphereOutbox(config);
        services.AddHemisphereIdentity();
        services.AddHemisphereLocalization();
        services.AddHemisphereApi(config);
        services.AddHemisphereTelemetry(config);
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.AddScoped<Mailer>();
        services.AddScoped<IOutboxHandler, MailSender>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AccountService>();
        services.AddHemisphereFiles(config);
        services.AddHemisphereUi();
        services.AddHemisphereSearch();
        services.AddHemisphereNotifications(config);

        services.AddDirectory();
        services.AddPortfolio(config);
        services.AddLibrary(config);
        services.AddForums(config);
        services.AddInterventions();
        services.AddChat(config);
        services.AddEvents(config);
        services.AddAcademy();
        services.AddAcademyBulk();
        services.AddAcademyDashboards();
        services.AddAcademyQuizzes(config);
        services.AddAcademyCertificates();
        services.AddAcademyRecords();
        return builder;
    }

    public static WebApplication UseHemisphere(this WebApplication app)
    {
        app.UseHemisphereErrors();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz").DisableHttpMetrics();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAccountApi();
        app.MapHemisphereUi();
        app.MapSearchApi();
        app.MapSitemap();
        app.MapHemisphereNotifications();

        app.MapDirectory();
        app.MapPortfolio();
        app.MapLibrary();
        app.MapForums();
        app.MapInterventions();
        app.MapChat();
        app.MapEvents();
        app.MapAcademy();
        app.MapAcademyBulk();
        app.MapAcademyDashboards();
        app.MapAcademyQuizzes();
        app.MapAcademyCertificates();
        app.MapAcademyRecords();
        app.MapBenchCeiling();
        return app;
    }
}
