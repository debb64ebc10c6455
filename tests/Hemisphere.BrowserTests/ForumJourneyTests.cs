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
        var author = await site.SignedInAsync("learner@demo.hemisphere.local");
        await author.GotoAsync("/forums");
        await SiteUnderTest.AssertAxeAsync(author);
        await author.Locator("a[href='/forums/police-training']").ClickAsync();
        await author.Locator("#Title").FillAsync(title);
        await author.Locator("#Body").FillAsync("Busco el **manual** de patrullaje por cuadrantes.");
        await author.Locator("form[action*='handler=Topic'] button[type=submit]").ClickAsync();
        await author.WaitForURLAsync(url => url.Contains("/forums/topics/", StringComparison.Ordinal));
        var topicUrl = new Uri(author.Url).AbsolutePath;
        await SiteUnderTest.AssertAxeAsync(author);

        var replier = await site.SignedInAsync("instructor@demo.hemisphere.local");
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
        await SiteUnderTest.AssertAxeAsync(author);
        var item = author.Locator("ul.notifications li", new() { HasText = title }).First;
        await item.Locator("a").First.ClickAsync();
        await author.WaitForURLAsync(url => url.Contains(topicUrl, StringComparison.Ordinal));
        await author.Locator("ol.posts li", new() { HasText = "versión 2025" }).WaitForAsync();
    }

}
