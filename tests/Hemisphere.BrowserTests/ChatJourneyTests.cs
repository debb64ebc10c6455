using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class ChatJourneyTests(SiteUnderTest site)
{
    [Fact]
    public async Task Two_browser_contexts_chat_in_a_room_live()
    {
        var (learner, learnerCsp) = await SignedInAsync("learner@demo.hemisphere.local");
        var (instructor, instructorCsp) = await SignedInAsync("instructor@demo.hemisphere.local");

        // The learner opens a public room from /chat.
        await learner.GotoAsync("/chat");
        await AssertAxeAsync(learner);
        var name = "Sala de prueba " + Guid.NewGuid().ToString("N")[..6];
        await learner.Locator("#Name").FillAsync(name);
        await learner.Locator("form[action*='handler=Create'] button[type=submit]").ClickAsync();
        await learner.WaitForURLAsync(url => url.Contains("/chat/sala-de-prueba-", StringComparison.Ordinal));
        var roomPath = new Uri(learner.Url).AbsolutePath;

        // The instructor finds it among the public rooms and opens it; both pages connect to the hub.
        await instructor.GotoAsync("/chat");
        await instructor.Locator("a", new() { HasText = name }).ClickAsync();
        await instructor.WaitForURLAsync(url => url.EndsWith(roomPath, StringComparison.Ordinal));
        await learner.Locator("#chat-messages[data-connected='true']").WaitForAsync();
        await instructor.Locator("#chat-messages[data-connected='true']").WaitForAsync();
        await AssertAxeAsync(instructor);

        // Each sees the other's message arrive without reloading.
        var learnerUrl = learner.Url;
        await learner.Locator("#chat-body").FillAsync("Hola, ¿empezamos el **módulo 2**?");
        await learner.Locator("#chat-form button[type=submit]").ClickAsync();
        await instructor.Locator("#chat-messages li .chat-body strong", new() { HasText = "módulo 2" }).WaitForAsync();
        await instructor.Locator("#chat-body").FillAsync("Sí, ahora mismo.");
        await instructor.Locator("#chat-form button[type=submit]").ClickAsync();
        await learner.Locator("#chat-messages li .chat-body", new() { HasText = "Sí, ahora mismo." }).WaitForAsync();
        Assert.Equal(learnerUrl, learner.Url);
        Assert.Equal("", await learner.Locator("#chat-body").InputValueAsync());
        await learner.Locator("[data-presence] ", new() { HasText = "●" }).First.WaitForAsync();

        // A refusal shows the server's message: too long for the limit.
        await learner.Locator("#chat-body").EvaluateAsync("(el) => { el.removeAttribute('maxlength'); el.value = 'x'.repeat(4001); }");
        await learner.Locator("#chat-form button[type=submit]").ClickAsync();
        await learner.Locator("#chat-errors li", new() { HasText = "4000" }).WaitForAsync();

        Assert.Empty(learnerCsp);
        Assert.Empty(instructorCsp);
    }

    private async Task<(IPage Page, List<string> CspErrors)> SignedInAsync(string email)
    {
        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "es-ES" })).NewPageAsync();
        var csp = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (csp) csp.Add(m.Text); };
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("hemisphere-demo-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/");
        return (page, csp);
    }

    private static async Task AssertAxeAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, page.Url + "\n" + string.Join("\n", bad.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
    }
}
