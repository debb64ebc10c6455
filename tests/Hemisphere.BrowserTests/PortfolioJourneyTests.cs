using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class PortfolioJourneyTests(SiteUnderTest site)
{
    private static string SeedPath(string prefix)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hemisphere.slnx"))) dir = dir.Parent;
        return Directory.GetFiles(Path.Combine(dir!.FullName, "..", "shared", "seeds"), prefix + "_*.txt").Single();
    }

    [Fact]
    public async Task An_editor_imports_a_sheet_corrects_a_field_and_finds_it_on_the_country_sheet()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?lang=en");
        await page.Locator("#Email").FillAsync("editor@demo.hemisphere.local");
        await page.Locator("#Password").FillAsync("hemisphere-demo-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/");

        await page.GotoAsync("/portfolio/import?lang=en");
        await page.Locator("#file").SetInputFilesAsync(SeedPath("004"));
        await page.Locator("#Country").SelectOptionAsync("PA");
        await page.Locator("main form button[type=submit]").ClickAsync();
        // Reading and previewing a whole sheet takes a while when the machine is busy.
        await page.WaitForSelectorAsync("fieldset", new() { Timeout = 90_000 });
        var corrected = "Corrected in the preview " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#Rows_0__Name").FillAsync(corrected);
        await page.Locator("#Rows_0__Countries").FillAsync("PA");
        await page.Locator("main form.import-preview button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/portfolio", new() { Timeout = 90_000 });

        await page.GotoAsync("/portfolio/countries/PA?lang=en");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = corrected }).IsVisibleAsync());
        var result = await page.RunAxe();
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
    }

    [Theory]
    [InlineData("/portfolio")]
    [InlineData("/portfolio/dashboard")]
    [InlineData("/portfolio/countries/GT")]
    public async Task Portfolio_pages_pass_axe(string path)
    {
        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "es-ES" })).NewPageAsync();
        await page.GotoAsync(path);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(v => $"{v.Id}: {v.Help}")));
    }
}
