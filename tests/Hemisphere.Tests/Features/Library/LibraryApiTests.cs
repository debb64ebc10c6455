using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Library;

[Collection(AppsCollection.Name)]
public sealed class LibraryApiTests(Apps apps)
{
    public static object Item(string title, string language = "es", string kind = "publication", string body = "Texto.") => new
    {
        kind,
        language,
        title,
        summary = "Resumen de " + title,
        body,
        authors = new[] { "Ana Pérez" },
        countries = new[] { "GT", "hn" },
        themes = new[] { "police-training", "crime prevention" },
        tags = new[] { "curso" },
        publishedOn = "2024-05-02",
    };

    public static async Task<JsonElement> CreateAsync(HttpClient editor, object item)
    {
        var response = await editor.PostAsJsonAsync("/api/v1/library/items", item);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, string id, string step, object? body = null) =>
        body is null ? await client.PostAsync($"/api/v1/library/items/{id}/{step}", null) : await client.PostAsJsonAsync($"/api/v1/library/items/{id}/{step}", body);

    private static async Task<int> SearchTotalAsync(HemisphereApp app, string q) =>
        (await (await app.CreateClient().GetAsync($"/api/v1/search?source=library&q={Uri.EscapeDataString(q)}")).JsonAsync()).GetProperty("total").GetInt32();

    [Theory, BothProviders]
    public async Task A_draft_goes_through_review_to_the_public_and_search(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var reviewer = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var word = "Zafiro" + Guid.NewGuid().ToString("N")[..6];
        var created = await CreateAsync(editor, Item($"Capacitación policial {word}"));
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(["GT", "HN"], created.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["police-training", "crime-prevention"], created.GetProperty("themes").EnumerateArray().Select(c => c.GetString()));
        var slug = created.GetProperty("slug").GetString()!;
        Assert.StartsWith("capacitacion-policial-", slug, StringComparison.Ordinal);

        // A draft is invisible to the public, the list, and search.
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/library/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/library/{slug}")).StatusCode);
        Assert.Equal(0, await SearchTotalAsync(app, word));

        // The author cannot approve their own item; a learner cannot publish.
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(editor, id, "submit")).StatusCode);
        await (await StepAsync(editor, id, "approve")).ProblemAsync(HttpStatusCode.Forbidden);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await StepAsync(learner, id, "publish")).ProblemAsync(HttpStatusCode.NotFound);
        await (await StepAsync(editor, id, "publish")).ProblemAsync(HttpStatusCode.Forbidden);

        // Sent back with a comment, resubmitted, approved by another editor.
        await (await StepAsync(reviewer, id, "send-back", new { comment = "" })).ValidationProblemAsync("comment");
        var back = await (await StepAsync(reviewer, id, "send-back", new { comment = "Añadir fuentes." })).JsonAsync();
        Assert.Equal("draft", back.GetProperty("status").GetString());
        Assert.Equal("Añadir fuentes.", back.GetProperty("reviewComment").GetString());
        await StepAsync(editor, id, "submit");
        var approved = await (await StepAsync(reviewer, id, "approve")).JsonAsync();
        Assert.Equal("published", approved.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/library/items/{slug}")).StatusCode);
        Assert.Equal(1, await SearchTotalAsync(app, word + " capacitaciones"));

        // Every transition is in the audit log.
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id && EF.Functions.Like(e.Action, "library.%")).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["library.submit", "library.send-back", "library.submit", "library.approve"], actions);

        // Archived: gone from the public and from search.
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(editor, id, "archive")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/library/items/{id}")).StatusCode);
        Assert.Equal(0, await SearchTotalAsync(app, word));
    }

    [Theory, BothProviders]
    public async Task Translations_are_chosen_by_the_readers_language(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var created = await CreateAsync(admin, Item("Guía de policía comunitaria", "es"));
        var id = created.GetProperty("id").GetString()!;
        var added = await admin.PostAsJsonAsync($"/api/v1/library/items/{id}/translations", new { language = "en", title = "Community policing guide", summary = "A guide.", body = "Text." });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await (await admin.PostAsJsonAsync($"/api/v1/library/items/{id}/translations", new { language = "de", title = "Leitfaden" })).ValidationProblemAsync("language");
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(admin, id, "publish")).StatusCode);

        var anonymous = app.CreateClient();
        var en = await (await anonymous.GetAsync($"/api/v1/library/items/{id}?lang=en")).JsonAsync();
        Assert.Equal("Community policing guide", en.GetProperty("version").GetProperty("title").GetString());
        Assert.Equal(["en", "es"], en.GetProperty("languages").EnumerateArray().Select(x => x.GetString()));
        var fr = await (await anonymous.GetAsync($"/api/v1/library/items/{id}?lang=fr")).JsonAsync();
        Assert.Equal("es", fr.GetProperty("version").GetProperty("language").GetString());

        // Both versions are searchable, each in its own language.
        var hits = await (await anonymous.GetAsync("/api/v1/search?source=library&q=" + Uri.EscapeDataString("policing guide"))).JsonAsync();
        Assert.Contains(hits.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("language").GetString() == "en");
        var page = await anonymous.GetStringAsync($"/library/{created.GetProperty("slug").GetString()}?lang=en");
        Assert.Contains("Community policing guide", page, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Scheduled_items_stay_hidden_until_their_time(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var word = "Embargo" + Guid.NewGuid().ToString("N")[..6];
        var created = await CreateAsync(admin, Item("Noticia " + word, kind: "news"));
        var id = created.GetProperty("id").GetString()!;
        var scheduled = await (await StepAsync(admin, id, "publish", new { publishAt = DateTimeOffset.UtcNow.AddDays(2) })).JsonAsync();
        Assert.True(scheduled.GetProperty("scheduled").GetBoolean());
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/library/items/{id}")).StatusCode);
        Assert.Equal(0, await SearchTotalAsync(app, word));
        Assert.DoesNotContain(word, await anonymous.GetStringAsync("/library/feed.atom?kind=news"), StringComparison.Ordinal);

        // The time comes (moved here into the past): it is public without anyone acting.
        await app.WithDbAsync(db => db.LibraryItems.Where(i => i.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.PublishAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await app.WithDbAsync(db => db.SearchDocuments.Where(d => d.SourceId == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.VisibleFrom, DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/library/items/{id}")).StatusCode);
        Assert.Equal(1, await SearchTotalAsync(app, word));
        Assert.Contains(word, await anonymous.GetStringAsync("/library/feed.atom?kind=news"), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var before = await app.WithDbAsync(db => db.LibraryItems.CountAsync());
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "poem", language = "es", title = "x" })).ValidationProblemAsync("kind");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "es", title = "" })).ValidationProblemAsync("title");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "xx", title = "x" })).ValidationProblemAsync("language");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "es", title = "x", countries = new[] { "ZZ" } })).ValidationProblemAsync("countries");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "es", title = "x", themes = new[] { "astrology" } })).ValidationProblemAsync("themes");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "video", language = "es", title = "x", videoUrl = "javascript:alert(1)" })).ValidationProblemAsync("videoUrl");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "video", language = "es", title = "x", videoUrl = "https://evil.example/video" })).ValidationProblemAsync("videoUrl");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "es", title = new string('x', 301) })).ValidationProblemAsync("title");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "es", title = "x", slug = "Bad Slug!" })).ValidationProblemAsync("slug");
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "es", title = "x", institutionId = Guid.NewGuid() })).ValidationProblemAsync("institutionId");
        var malformed = await editor.PostAsync("/api/v1/library/items", new StringContent("{\"kind\":", System.Text.Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await app.WithDbAsync(db => db.LibraryItems.CountAsync()));

        var created = await CreateAsync(editor, Item("Único " + Guid.NewGuid().ToString("N")[..6]) as object);
        await (await editor.PostAsJsonAsync("/api/v1/library/items", new { kind = "news", language = "es", title = "x", slug = created.GetProperty("slug").GetString() })).ValidationProblemAsync("slug");
        var id = created.GetProperty("id").GetString();
        await (await editor.PostAsync($"/api/v1/library/items/{id}/submit", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await editor.PostAsync($"/api/v1/library/items/{id}/submit", new StringContent("x", System.Text.Encoding.UTF8, "text/plain"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await editor.DeleteAsync($"/api/v1/library/items/{id}/translations/es")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, BothProviders]
    public async Task Writers_are_checked_on_every_write(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "GT");
        var other = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "JM");
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await app.CreateClient().PostAsJsonAsync("/api/v1/library/items", Item("x"))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await learner.PostAsJsonAsync("/api/v1/library/items", Item("x"))).ProblemAsync(HttpStatusCode.Forbidden);

        var created = await CreateAsync(editor, Item("Borrador de Guatemala"));
        var id = created.GetProperty("id").GetString();
        // An editor of another country does not even see the draft.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/library/items/{id}")).StatusCode);
        await (await other.PutAsJsonAsync($"/api/v1/library/items/{id}", new { kind = "news" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.DeleteAsync($"/api/v1/library/items/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await learner.PostAsJsonAsync($"/api/v1/library/items/{id}/translations", new { language = "en", title = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/library/items/{id}")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Script_in_a_body_never_reaches_the_page(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        const string body = """
            # Heading

            <script>alert('x')</script>
            <img src="x" onerror="alert('y')">
            [click](javascript:alert('z'))
            <svg><script>alert('svg')</script></svg>
            <a href="https://example.org" onclick="alert('a')">ok link</a>
            <iframe src="https://evil.example"></iframe>

            `<script>alert(1)</script>` in code is shown as text.
            """;
        var created = await CreateAsync(admin, Item("Sanitised " + Guid.NewGuid().ToString("N")[..6], body: body));
        await StepAsync(admin, created.GetProperty("id").GetString()!, "publish");
        var html = await app.CreateClient().GetStringAsync("/library/" + created.GetProperty("slug").GetString());
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var article = document.QuerySelector("article .prose")!;
        Assert.Null(article.QuerySelector("script, svg, iframe, img[onerror], object, embed, form"));
        Assert.DoesNotContain(article.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(article.QuerySelectorAll("[href], [src]"), e => (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        // The code sample is shown as text, and the heading is rendered.
        Assert.Contains(article.QuerySelectorAll("code"), c => c.TextContent == "<script>alert(1)</script>");
        Assert.NotNull(article.QuerySelector("h1"));
        Assert.Contains(article.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org" || a.TextContent.Contains("click", StringComparison.Ordinal));
    }
}
