using System.Net;
using Hemisphere.Platform.Data;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Platform;

[Collection(AppsCollection.Name)]
public sealed class SiteTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task Health_checks_the_database(DatabaseProvider provider)
    {
        var response = await apps[provider].CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task Accept_language_picks_the_language_and_html_lang_matches(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        foreach (var (header, lang, word) in new[] { ("es-GT,es;q=0.9", "es", "Estados Miembros"), ("pt-BR", "pt", "Estados membros"), ("fr-HT", "fr", "États membres"), ("de-DE", "en", "Member states") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/directory");
            request.Headers.AcceptLanguage.ParseAdd(header);
            var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
            Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
            Assert.Contains(word, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, BothProviders]
    public async Task The_language_switcher_sets_a_cookie_that_sticks(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var switched = await client.PostFormAsync("/language", new() { ["language"] = "pt", ["returnUrl"] = "/directory" }, "/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/directory", switched.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/directory");
        Assert.Contains("<html lang=\"pt\">", html, StringComparison.Ordinal);
        var offsite = await client.PostFormAsync("/language", new() { ["language"] = "es", ["returnUrl"] = "//evil.example/" }, "/");
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    [Theory, BothProviders]
    public async Task Dates_and_numbers_follow_the_language(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        var es = await client.GetStringAsync("/directory?asOf=2017-06-30&lang=es");
        Assert.Contains("30 de junio de 2017", WebUtility.HtmlDecode(es), StringComparison.Ordinal);
        var en = await client.GetStringAsync("/directory?asOf=2017-06-30&lang=en");
        Assert.Contains("June 30, 2017", WebUtility.HtmlDecode(en), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Every_answer_carries_the_security_headers_and_no_inline_script(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        foreach (var path in new[] { "/", "/directory", "/account/login", "/api/v1/member-states" })
        {
            var response = await client.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", body);
        }
    }

    [Theory, BothProviders]
    public async Task Forms_without_an_antiforgery_token_are_refused(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.org", ["Password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_directory_page_is_light(DatabaseProvider provider)
    {
        var response = await apps[provider].CreateClient().GetAsync("/directory");
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        var css = (await apps[provider].CreateClient().GetByteArrayAsync("/css/site.css")).Length;
        Assert.True(bytes + css < 100_000, $"directory page {bytes} B + css {css} B");
    }

    [Theory, BothProviders]
    public async Task Unknown_pages_are_a_friendly_404_and_unknown_api_paths_are_problem_details(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        var page = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        await (await client.GetAsync("/api/v1/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/institutions/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, BothProviders]
    public async Task The_OpenAPI_document_describes_the_api(DatabaseProvider provider)
    {
        var json = await (await apps[provider].CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = json.GetProperty("paths");
        foreach (var p in new[] { "/api/v1/member-states", "/api/v1/institutions", "/api/v1/institutions/{id}", "/api/v1/people", "/api/v1/people/{id}", "/api/v1/auth/token" })
            Assert.True(paths.TryGetProperty(p, out _), "missing " + p);
    }

    [Theory, BothProviders]
    public async Task The_audit_log_is_append_only_in_the_database_itself(DatabaseProvider provider)
    {
        var app = apps[provider];
        await app.AddInstitutionAsync();
        string update = "UPDATE \"AuditEntries\" SET \"Action\" = 'forged'", delete = "DELETE FROM \"AuditEntries\"";
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(update)));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(delete)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync()));
    }

    [Theory, BothProviders]
    public async Task Migrations_cover_the_whole_model(DatabaseProvider provider)
    {
        Assert.False(await apps[provider].WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            $"The {provider} migrations lack model changes: add a migration for this provider.");
    }
}
