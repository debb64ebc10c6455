using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class LibraryJourneyTests(SiteUnderTest site)
{
    [Theory]
    [InlineData("/library", "es-ES")]
    [InlineData("/library?kind=news&theme=human-trafficking", "en-US")]
    [InlineData("/library/community-policing-guide", "es-ES")]
    [InlineData("/library/community-policing-guide?lang=fr", "fr-FR")]
    [InlineData("/search?q=capacitaciones", "es-ES")]
    [InlineData("/search?q=police+training&kind=publication", "en-US")]
    public async Task Library_and_search_pages_pass_axe(string path, string locale)
    {
        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = locale })).NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, path + " answered " + response.Status);
        await SiteUnderTest.AssertAxeAsync(page);
    }

    [Fact]
    public async Task An_editor_writes_in_Spanish_a_reviewer_publishes_and_a_reader_finds_it_by_another_inflection()
    {
        var word = "zq" + new string(Enumerable.Range(0, 7).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var title = $"Capacitaciones para policías de tránsito {word}";

        // The editor writes the item in Spanish and sends it to review.
        var editor = await site.SignedInAsync("editor@demo.hemisphere.local");
        await editor.GotoAsync("/library/new?in=es");
        await editor.Locator("#Form_Kind").SelectOptionAsync("publication");
        await editor.Locator("#Form_Title").FillAsync(title);
        await editor.Locator("#Form_Summary").FillAsync("Un curso piloto para agentes de tránsito.");
        await editor.Locator("#Form_Body").FillAsync("## Objetivo\n\nFortalecer la **seguridad vial** con agentes capacitados.\n\n- Módulo 1\n- Módulo 2");
        await editor.Locator("#Form_Countries").FillAsync("GT, HN");
        await editor.Locator("input[name='Form.Themes'][value='police-training']").CheckAsync();
        await SiteUnderTest.AssertAxeAsync(editor);
        await editor.Locator("main form.stack button[type=submit]").Last.ClickAsync();
        await editor.WaitForURLAsync(url => url.Contains("/library/capacitaciones-para-policias-de-transito-", StringComparison.Ordinal));
        var itemUrl = new Uri(editor.Url).AbsolutePath;
        await editor.Locator("form[action*='handler=Submit'] button").ClickAsync();
        await editor.Locator(".workflow .status").WaitForAsync();
        Assert.Equal(0, await editor.Locator("form[action*='handler=Approve']").CountAsync());

        // Not public yet.
        var reader = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "es-ES" })).NewPageAsync();
        Assert.Equal(404, (await reader.GotoAsync(itemUrl))!.Status);

        // A reviewer (here the administrator) approves and publishes it.
        var reviewer = await site.SignedInAsync("admin@demo.hemisphere.local");
        await reviewer.GotoAsync("/library/review");
        await reviewer.Locator($"a[href='{itemUrl}']").ClickAsync();
        await reviewer.Locator("form[action*='handler=Approve'] button").ClickAsync();
        await reviewer.Locator("form[action*='handler=Archive']").WaitForAsync();

        // An anonymous reader finds it with the singular, unaccented form of a word of its title.
        await reader.GotoAsync("/search?q=" + Uri.EscapeDataString("capacitacion transito " + word));
        var result = reader.Locator("ol.results li a", new() { HasText = title });
        await result.WaitForAsync();
        Assert.Contains("<mark>", await reader.Locator("ol.results li").First.InnerHTMLAsync(), StringComparison.Ordinal);
        await SiteUnderTest.AssertAxeAsync(reader);
        await result.ClickAsync();
        await reader.WaitForURLAsync(url => url.Contains(itemUrl, StringComparison.Ordinal));
        Assert.Equal(title, await reader.Locator("article h1").InnerTextAsync());
        Assert.Equal("seguridad vial", await reader.Locator("article .prose strong").InnerTextAsync());
    }

}
