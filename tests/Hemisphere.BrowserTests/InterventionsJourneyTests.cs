using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class InterventionsJourneyTests(SiteUnderTest site)
{
    [Theory]
    [InlineData("/interventions")]
    [InlineData("/interventions?area=community&rating=effective")]
    [InlineData("/interventions/hot-spots-policing")]
    public async Task Intervention_pages_pass_axe(string path)
    {
        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "es-ES" })).NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, path + " answered " + response.Status);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task An_editor_opens_the_edit_form_of_an_entry_and_it_passes_axe()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?lang=en");
        await page.Locator("#Email").FillAsync("editor@demo.hemisphere.local");
        await page.Locator("#Password").FillAsync("hemisphere-demo-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/");

        await page.GotoAsync("/interventions/cure-violence?lang=en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/interventions/cure-violence/edit");
        // The form opens in the editor's language (the demo editor prefers Spanish).
        var expected = await page.Locator("html").GetAttributeAsync("lang") == "es" ? "Cure Violence (interrupción de la violencia)" : "Cure Violence (violence interruption)";
        Assert.Equal(expected, await page.Locator("#Form_Name").InputValueAsync());
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(v => $"{v.Id}: {v.Help}")));
    }
}
