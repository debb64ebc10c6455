using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Platform;

[Collection(AppsCollection.Name)]
public sealed class AuthenticationTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task A_token_works_until_it_is_revoked(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Learner);
        var client = await app.ClientForAsync(user);
        var me = await (await client.GetAsync("/api/v1/auth/me")).JsonAsync();
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/auth/token")).StatusCode);
        await (await client.GetAsync("/api/v1/auth/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, BothProviders]
    public async Task Wrong_password_is_refused_and_five_failures_lock_the_account(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync();
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
            await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "wrong-password-" + i })).ProblemAsync(HttpStatusCode.Unauthorized);
        var locked = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = HemisphereApp.Password })).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", locked.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { password = "x" })).ValidationProblemAsync("email");
    }

    [Theory, BothProviders]
    public async Task With_two_factor_on_a_token_needs_the_current_TOTP_code(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync();
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var entity = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(entity);
            key = (await users.GetAuthenticatorKeyAsync(entity))!;
            await users.SetTwoFactorEnabledAsync(entity, true);
        }
        var client = app.CreateClient();
        var needed = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = HemisphereApp.Password })).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(needed.GetProperty("twoFactorRequired").GetBoolean());
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = HemisphereApp.Password, code = "000000" == Totp.Code(key) ? "111111" : "000000" })).ProblemAsync(HttpStatusCode.Unauthorized);
        var ok = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = HemisphereApp.Password, code = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.JsonAsync();
        Assert.StartsWith("hs_", body.GetProperty("accessToken").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("expiresIn").GetInt32() > 0);
    }

    [Theory, BothProviders]
    public async Task A_forged_token_is_refused(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hs_" + new string('a', 43));
        await (await client.GetAsync("/api/v1/auth/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, BothProviders]
    public async Task Register_confirm_and_sign_in_through_the_pages(DatabaseProvider provider)
    {
        var app = apps[provider];
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var register = await client.PostFormAsync("/account/register", new()
        {
            ["DisplayName"] = "Nueva Persona",
            ["Email"] = email,
            ["Password"] = "long-enough-pass",
            ["ConfirmPassword"] = "long-enough-pass",
            ["Language"] = "es",
        });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);

        // Not confirmed yet: sign-in is refused with a clear message.
        var early = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = "long-enough-pass" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Confirm your e-mail address first", System.Net.WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The mail is in Spanish, the language chosen at registration.
        var mail = await app.WaitForMailAsync(email);
        Assert.Contains("Confirme", mail, StringComparison.OrdinalIgnoreCase);
        var link = System.Text.RegularExpressions.Regex.Match(mail, @"https?://\S+/account/confirm-email\S+").Value;
        var confirm = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var forged = await client.GetAsync($"/account/confirm-email?userId={Guid.NewGuid()}&code=abc");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var login = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = "long-enough-pass" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hs.auth=", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email });
        var mail = await app.WaitForMailAsync(user.Email);
        var path = new Uri(System.Text.RegularExpressions.Regex.Match(mail, @"https?://\S+/account/reset-password\S+").Value).PathAndQuery;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + path).Query);
        var reset = await client.PostFormAsync("/account/reset-password", new()
        {
            ["UserId"] = query["userId"]!,
            ["Code"] = query["code"]!,
            ["Password"] = "another-good-pass",
            ["ConfirmPassword"] = "another-good-pass",
        }, path);
        Assert.Contains("Your password is set", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "another-good-pass" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Theory, BothProviders]
    public async Task An_administrator_invites_someone_who_sets_a_password_and_holds_the_scoped_role(DatabaseProvider provider)
    {
        var app = apps[provider];
        var institution = await app.AddInstitutionAsync("PA");
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await learner.PostAsJsonAsync("/api/v1/users/invitations", new { email, displayName = "X", role = "editor" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync("/api/v1/users/invitations", new { email, displayName = "X", role = "institution_manager" })).ValidationProblemAsync("institutionId");
        var invited = await admin.PostAsJsonAsync("/api/v1/users/invitations", new { email, displayName = "Gestora", role = "institution_manager", institutionId = institution.Id, preferredLanguage = "fr" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var mail = await app.WaitForMailAsync(email);
        var path = new Uri(System.Text.RegularExpressions.Regex.Match(mail, @"https?://\S+/account/accept-invitation\S+").Value).PathAndQuery;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + path).Query);
        var client = app.CreateClient();
        await client.PostFormAsync("/account/accept-invitation", new()
        {
            ["UserId"] = query["userId"]!,
            ["Code"] = query["code"]!,
            ["Password"] = "invited-password-1",
            ["ConfirmPassword"] = "invited-password-1",
        }, path);
        var manager = await app.ClientForAsync(new TestUser(Guid.Empty, email).With("invited-password-1"));
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/institutions/{institution.Id}", new { name = "Renamed by manager", kind = "police", countryCode = "PA" })).StatusCode);
    }
}
