using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

/// <summary>
/// Hemisphere started as a real process with demo data on a fresh SQLite file (exactly what the
/// README's start command does), and Debian's Chromium driven by Playwright. No browser is downloaded.
/// </summary>
public sealed class SiteUnderTest : IAsyncLifetime
{
    private Process? _site;
    private readonly StringBuilder _output = new();
    private string _dataDirectory = "";
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(root, "src", "Hemisphere.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "Hemisphere.Web.dll");
        Assert.True(File.Exists(dll), "Build the solution first: " + dll);
        _dataDirectory = Path.Combine(Path.GetTempPath(), "hemisphere-browser-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--demo", "--urls", BaseUrl }) psi.ArgumentList.Add(a);
        psi.Environment["Hemisphere__DataDirectory"] = _dataDirectory;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["RateLimits__SignInPerMinute"] = "1000";
        _site = Process.Start(psi)!;
        _site.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _site.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _site.BeginOutputReadLine();
        _site.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_site.HasExited) throw new InvalidOperationException("The site stopped: " + Output);
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).IsSuccessStatusCode && Output.Contains("Demo accounts", StringComparison.Ordinal)) break;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The site did not start: " + Output);
            await Task.Delay(250);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HEMISPHERE_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>A page in a fresh browser context (its own cookies), signed in as a demo account.</summary>
    public async Task<IPage> SignedInAsync(string email, string locale = "es-ES")
    {
        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale })).NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("hemisphere-demo-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>Fails on any serious or critical axe violation of the page as it is now.</summary>
    public static async Task AssertAxeAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, page.Url + "\n" + string.Join("\n", bad.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_site is { HasExited: false })
        {
            _site.Kill(entireProcessTree: true);
            await _site.WaitForExitAsync();
        }
        try { Directory.Delete(_dataDirectory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hemisphere.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteUnderTest>
{
    public const string Name = "site";
}
