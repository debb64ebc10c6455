using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

/// <summary>
/// An e-learning package served from another origin reports to the LRS from the browser, as packages made with the
/// common authoring tools do: Chromium's own CORS checks (preflight, credentials in the Authorization header, headers the
/// script may read) decide whether it works, not our idea of them.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class LrsJourneyTests(SiteUnderTest site)
{
    /// <summary>The package: posts a statement, queries it back by agent, and reads an exposed header; the outcome goes to #result.</summary>
    private static string Package(string endpoint, string key, string secret, string mbox) => $$"""
        <!DOCTYPE html><html lang="en"><head><title>Package</title></head><body><main><p id="result">running</p></main>
        <script>
        (async () => {
          const headers = { "Authorization": "Basic " + btoa("{{key}}:{{secret}}"), "X-Experience-API-Version": "1.0.3" };
          const out = document.getElementById("result");
          try {
            const statement = { actor: { mbox: "{{mbox}}" }, verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
              object: { id: "http://content.example/packages/first-response/slide-1", definition: { name: { "en-US": "Slide 1" } } } };
            const posted = await fetch("{{endpoint}}statements", { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(statement) });
            const ids = await posted.json();
            const read = await fetch("{{endpoint}}statements?agent=" + encodeURIComponent(JSON.stringify({ mbox: "{{mbox}}" })), { headers });
            const found = (await read.json()).statements.map(s => s.id);
            const wrong = await fetch("{{endpoint}}statements", { headers: { ...headers, "Authorization": "Basic " + btoa("{{key}}:wrong") } });
            out.textContent = [posted.status, ids[0] === found[0] && found.length === 1 ? "found" : "missing:" + JSON.stringify(found),
              read.headers.get("X-Experience-API-Consistent-Through") ? "consistent-through" : "no-header", wrong.status].join(" ");
          } catch (e) { out.textContent = "error " + e; }
        })();
        </script></body></html>
        """;

    [Fact]
    public async Task A_package_on_another_origin_reports_a_statement_and_reads_it_back_through_CORS()
    {
        // An administrator creates the package's credentials on the clients page.
        var admin = await site.SignedInAsync("admin@demo.hemisphere.local", "en-US");
        await admin.GotoAsync("/academy/records/clients");
        await SiteUnderTest.AssertAxeAsync(admin);
        await admin.Locator("#client-name").FillAsync("First response package");
        foreach (var scope in new[] { "#scope-statements-write", "#scope-statements-read" }) await admin.Locator(scope).CheckAsync();
        await admin.Locator("form[action*='handler=Create'] button[type=submit]").ClickAsync();
        var notice = admin.Locator("section.notice");
        await notice.WaitForAsync();
        var key = (await notice.Locator("dd code").Nth(0).InnerTextAsync()).Trim();
        var secret = (await notice.Locator("dd code").Nth(1).InnerTextAsync()).Trim();

        // The package is served from another origin: a server of the test's own on another port, both ends on this machine's
        // loopback (Chromium lets a loopback page reach loopback; a public page would need the local-network permission).
        var port = FreePort();
        var origin = $"http://localhost:{port}";
        var mbox = $"mailto:officer-{Guid.NewGuid():N}@example.org";
        var html = System.Text.Encoding.UTF8.GetBytes(Package(site.BaseUrl + "/xapi/", key, secret, mbox));
        using var server = new HttpListener();
        server.Prefixes.Add(origin + "/");
        server.Start();
        var serving = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                HttpListenerContext request;
                try { request = await server.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                request.Response.ContentType = "text/html; charset=utf-8";
                await request.Response.OutputStream.WriteAsync(html);
                request.Response.Close();
            }
        });
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);
        await page.GotoAsync(origin + "/package.html");
        var result = page.Locator("#result");
        await page.WaitForFunctionAsync("() => document.getElementById('result').textContent !== 'running'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var outcome = await result.InnerTextAsync();
        Assert.True(outcome == "200 found consistent-through 401", outcome + "\n" + string.Join("\n", console));
        server.Stop();
        await serving;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
