using System.Reflection;
using Hemisphere.Platform.Data;
using Xunit.Sdk;

namespace Hemisphere.Tests.Infrastructure;

/// <summary>
/// One Hemisphere per provider for the whole run: a SQLite file and a database on a throwaway
/// PostgreSQL cluster. Tests create their own records, so they do not step on each other.
/// </summary>
public sealed class Apps : IAsyncLifetime
{
    private PostgresCluster? _cluster;
    private HemisphereApp? _sqlite;
    private HemisphereApp? _postgres;

    public HemisphereApp this[DatabaseProvider provider] => provider == DatabaseProvider.Sqlite ? _sqlite! : _postgres!;

    public PostgresCluster Cluster => _cluster!;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        _sqlite = new HemisphereApp(DatabaseProvider.Sqlite, SqliteConnectionString(Path.Combine(Path.GetTempPath(), "hemisphere-test-" + Guid.NewGuid().ToString("N")[..8] + ".db")));
        await _sqlite.InitializeAsync();
        _postgres = new HemisphereApp(DatabaseProvider.Postgres, await _cluster.CreateDatabaseAsync("hs"));
        await _postgres.InitializeAsync();
    }

    public static string SqliteConnectionString(string path) => $"Data Source={path};Default Timeout=30";

    public async Task DisposeAsync()
    {
        if (_sqlite is not null) await _sqlite.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppsCollection : ICollectionFixture<Apps>
{
    public const string Name = "apps";
}

/// <summary>Runs a theory once per database provider.</summary>
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [DatabaseProvider.Sqlite],
        [DatabaseProvider.Postgres],
    ];
}
