using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class EventsJourneyTests(SiteUnderTest site)
{
    [Theory]
    [InlineData("/events", "es-ES")]
    [InlineData("/events?kind=webinar", "en-US")]
    [InlineData("/events/curso-investigacion-trata-tegucigalpa", "es-ES")]
    [InlineData("/events/curso-policia-comunitaria-san-pedro-sula", "pt-BR")]
    public async Task Events_pages_pass_axe(string path, string locale)
    {
        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = locale })).NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, path + " answered " + response.Status);
        await SiteUnderTest.AssertAxeAsync(page);
    }

    [Fact]
    public async Task A_learner_registers_sees_the_event_in_their_list_and_the_organiser_sees_the_attendance_sheet()
    {
        var learner = await site.SignedInAsync("learner@demo.hemisphere.local");
        await learner.GotoAsync("/events/isps-port-security-workshop-kingston");
        var register = learner.Locator("form[action*='handler=Register'] button");
        if (await register.CountAsync() > 0) await register.ClickAsync();
        await learner.Locator("form[action*='handler=Unregister']").WaitForAsync();
        await SiteUnderTest.AssertAxeAsync(learner);
        await learner.GotoAsync("/events/mine");
        Assert.Equal(1, await learner.Locator("a[href='/events/isps-port-security-workshop-kingston']").CountAsync());
        Assert.Contains("/calendar/", await learner.Locator("#feed-url").InputValueAsync(), StringComparison.Ordinal);
        await SiteUnderTest.AssertAxeAsync(learner);

        var editor = await site.SignedInAsync("editor@demo.hemisphere.local");
        await editor.GotoAsync("/events/isps-port-security-workshop-kingston/attendance");
        Assert.True(await editor.Locator("table tbody tr").CountAsync() >= 1);
        await SiteUnderTest.AssertAxeAsync(editor);
        await editor.GotoAsync("/events/new");
        await SiteUnderTest.AssertAxeAsync(editor);
    }

}
