using System.Net;
using System.Text.RegularExpressions;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hemisphere.Tests.Platform;

[Collection(AppsCollection.Name)]
public sealed partial class TwoFactorPageTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task A_user_turns_on_TOTP_with_the_QR_page_and_then_signs_in_with_a_code(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Learner);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        var client = app.CreateClient(options);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);

        var setup = await client.GetStringAsync("/account/manage/two-factor");
        Assert.Contains("src=\"data:image/png;base64,", setup, StringComparison.Ordinal);
        var key = SecretKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);

        var wrong = await client.PostFormAsync("/account/manage/two-factor?handler=Enable", new() { ["Code"] = "12345" }, "/account/manage/two-factor");
        Assert.Contains("The code is not valid", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await client.PostFormAsync("/account/manage/two-factor?handler=Enable", new() { ["Code"] = Totp.Code(key) }, "/account/manage/two-factor");
        var page = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor sign-in is on.", page, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCode().Matches(page).Count);

        // A new browser: the password alone is not enough any more.
        var fresh = app.CreateClient(options);
        var first = await fresh.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login-2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/account/manage")).StatusCode);
        var second = await fresh.PostFormAsync("/account/login-2fa", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/account/manage")).StatusCode);
    }

    [GeneratedRegex("<code class=\"secret\" id=\"key\">([a-z2-7 ]+)</code>")]
    private static partial Regex SecretKey();

    [GeneratedRegex("<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>")]
    private static partial Regex RecoveryCode();
}
