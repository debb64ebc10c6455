using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Hemisphere.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run, started from Debian's postgresql-15 binaries on
/// a free loopback port, unless HEMISPHERE_TEST_POSTGRES names a server to use instead.
/// Runs as the postgres user when the tests run as root (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string _bin;

    private PostgresCluster(string adminConnectionString, string? folder, string bin)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _bin = bin;
    }

    public string AdminConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("HEMISPHERE_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured)) return new PostgresCluster(configured, null, "");

        var bin = Environment.GetEnvironmentVariable("HEMISPHERE_PG_BIN") ?? "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")))
            throw new InvalidOperationException($"PostgreSQL binaries not found in {bin}; install postgresql-15 or set HEMISPHERE_TEST_POSTGRES.");
        var folder = Path.Combine(Path.GetTempPath(), "hemisphere-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres:postgres", folder], false);
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "log.txt"), "-w", "-t", "60", "start"], asRoot);
        var cs = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
        return new PostgresCluster(cs, folder, bin);
    }

    /// <summary>A fresh, empty database on the cluster.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..10];
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres) { psi.ArgumentList.Add("-u"); psi.ArgumentList.Add("postgres"); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(file); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr} {await stdout}");
    }
}
