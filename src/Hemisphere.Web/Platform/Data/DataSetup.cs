using Hemisphere.Platform.Audit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hemisphere.Platform.Data;

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; init; } = "";
    /// <summary>Apply migrations when the site starts (default: on for SQLite, off for PostgreSQL).</summary>
    public bool MigrateOnStart { get; init; }
}

public static class DataSetup
{
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration config, string dataDirectory)
    {
        var providerText = config["Database:Provider"] ?? "sqlite";
        var provider = providerText.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"Database:Provider must be 'sqlite' or 'postgres', not '{providerText}'."),
        };
        var connectionString = config.GetConnectionString("Hemisphere");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException(
                    "Database:Provider is 'postgres' but ConnectionStrings:Hemisphere is not set.");
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "hemisphere.db"),
                DefaultTimeout = 30,
            }.ToString();
        }
        var migrate = config.GetValue<bool?>("Database:MigrateOnStart") ?? provider == DatabaseProvider.Sqlite;
        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, MigrateOnStart = migrate };
    }

    public static IServiceCollection AddHemisphereData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<SqlitePragmaInterceptor>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<HemisphereDb, SqliteHemisphereDb>((sp, o) => o
                .UseSqlite(options.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>(), sp.GetRequiredService<AuditInterceptor>(),
                    sp.GetRequiredService<Search.SearchSyncInterceptor>(), sp.GetRequiredService<Outbox.OutboxSignalInterceptor>()));
        }
        else
        {
            services.AddDbContext<HemisphereDb, PostgresHemisphereDb>((sp, o) => o
                .UseNpgsql(options.ConnectionString, n => n.EnableRetryOnFailure(3))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Search.SearchSyncInterceptor>(), sp.GetRequiredService<Outbox.OutboxSignalInterceptor>()));
        }
        services.AddDataProtection().SetApplicationName("Hemisphere").PersistKeysToDbContext<HemisphereDb>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HemisphereDb>();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>WAL and a busy timeout, so the outbox worker and requests do not trip over "database is locked".</summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>/healthz: the database answers.</summary>
public sealed class DatabaseHealthCheck(HemisphereDb db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
