using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class ForumJourneyTests(SiteUnderTest site)
{
    [Fact]
    public async Task A_member_starts_a_topic_another_replies_and_the_first_sees_the_notification()
    {
        var title = "¿Quién comparte el manual de patrullaje? " + Guid.NewGuid().ToString("N")[..6];
        var author = await SignedInAsync("learner@demo.hemisphere.local");
        await author.GotoAsync("/forums");
        await AssertAxeAsync(author);
        await author.Locator("a[href='/forums/police-training']").ClickAsync();
        await author.Locator("#Title").FillAsync(title);
        await author.Locator("#Body").FillAsync("Busco el **manual** de patrullaje por cuadrantes.");
        await author.Locator("form[action*='handler=Topic'] button[type=submit]").ClickAsync();
        await author.WaitForURLAsync(url => url.Contains("/forums/topics/", StringComparison.Ordinal));
        var topicUrl = new Uri(author.Url).AbsolutePath;
        await AssertAxeAsync(author);

        var replier = await SignedInAsync("instructor@demo.hemisphere.local");
        await replier.GotoAsync("/forums/police-training");
        await replier.Locator("a", new() { HasText = title }).ClickAsync();
        await replier.Locator("#Body").FillAsync("Está en la biblioteca, versión 2025.");
        await replier.Locator("form[action*='handler=Reply'] button[type=submit]").ClickAsync();
        await replier.Locator("ol.posts li", new() { HasText = "versión 2025" }).WaitForAsync();

        // The author follows their own topic: the bell counts the reply, the list links to it.
        await author.GotoAsync("/forums");
        await author.Locator("a.bell .count").WaitForAsync();
        await author.Locator("a.bell").ClickAsync();
        await author.WaitForURLAsync(site.BaseUrl + "/notifications");
        await AssertAxeAsync(author);
        var item = author.Locator("ul.notifications li", new() { HasText = title }).First;
        await item.Locator("a").First.ClickAsync();
        await author.WaitForURLAsync(url => url.Contains(topicUrl, StringComparison.Ordinal));
        await author.Locator("ol.posts li", new() { HasText = "versión 2025" }).WaitForAsync();
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "es-ES" })).NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("hemisphere-demo-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/");
        return page;
    }

    private static async Task AssertAxeAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, page.Url + "\n" + string.Join("\n", bad.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
    }
}
