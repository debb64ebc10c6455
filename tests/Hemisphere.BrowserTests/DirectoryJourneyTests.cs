using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class DirectoryJourneyTests(SiteUnderTest site)
{
    private async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = site.BaseUrl });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task Sign_in_switch_to_Spanish_open_the_directory_and_a_profile()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).ClickAsync();
        await page.GetByLabel("Correo electrónico").FillAsync("admin@demo.hemisphere.local");
        await page.GetByLabel("Contraseña").FillAsync("hemisphere-demo-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).IsVisibleAsync());
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Estados Miembros" }).First.ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/directory");
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        var rows = await page.Locator("tbody tr").CountAsync();
        Assert.Equal(35, rows);
        await page.GetByRole(AriaRole.Link, new() { Name = "Guatemala" }).ClickAsync();
        Assert.Equal("Guatemala", await page.Locator("h1").InnerTextAsync());

        await page.GotoAsync("/directory/people?q=tremblay");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sophie Tremblay" }).ClickAsync();
        Assert.Equal("Sophie Tremblay", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task The_site_reads_with_JavaScript_off()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, BaseURL = site.BaseUrl, Locale = "pt-BR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/directory");
        Assert.Equal("pt", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(35, await page.Locator("tbody tr").CountAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/directory")]
    [InlineData("/directory/institutions")]
    [InlineData("/directory/people")]
    public async Task Axe_finds_no_serious_or_critical_violation(string path)
    {
        var page = await NewPageAsync("es-ES");
        await page.GotoAsync(path);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
