using System.Net;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Features.Directory;

[Collection(AppsCollection.Name)]
public sealed class PeopleApiTests(Apps apps)
{
    private static async Task<Guid> CreateAsync(HttpClient editor, string name, string visibility, string country = "SV", object? extra = null)
    {
        var response = await editor.PostAsJsonAsync("/api/v1/people", new
        {
            fullName = name,
            title = "Inspectora",
            countryCode = country,
            visibility,
            languages = new[] { "es", "EN" },
            expertise = new[] { "Prevención de la violencia" },
            email = "contact@example.org",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Theory, BothProviders]
    public async Task Visibility_decides_who_sees_a_profile_and_a_hidden_one_is_404(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var pub = await CreateAsync(editor, "Pública " + tag, "public");
        var members = await CreateAsync(editor, "Miembros " + tag, "members");
        var hidden = await CreateAsync(editor, "Privada " + tag, "private");

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/people/{pub}")).StatusCode);
        await (await anonymous.GetAsync($"/api/v1/people/{members}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/people/{hidden}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/directory/people/{hidden}")).StatusCode);
        var anonList = await (await anonymous.GetAsync($"/api/v1/people?q={tag}")).JsonAsync();
        Assert.Equal(1, anonList.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKindNull, anonList.GetProperty("items")[0].GetProperty("email").ValueKind);

        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        Assert.Equal(2, (await (await learner.GetAsync($"/api/v1/people?q={tag}")).JsonAsync()).GetProperty("total").GetInt32());
        await (await learner.GetAsync($"/api/v1/people/{hidden}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, (await (await editor.GetAsync($"/api/v1/people?q={tag}")).JsonAsync()).GetProperty("total").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory, BothProviders]
    public async Task Search_ignores_case_and_accents_and_filters_by_language(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(editor, $"José Ñúñez {tag}", "public");
        var found = await (await app.CreateClient().GetAsync($"/api/v1/people?q=jose nunez {tag}&language=en")).JsonAsync();
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(["es", "en"], found.GetProperty("items")[0].GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ToList());
        Assert.Equal(0, (await (await app.CreateClient().GetAsync($"/api/v1/people?q={tag}&language=fr")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await app.CreateClient().GetAsync("/api/v1/people?q=%25_%25")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Theory, BothProviders]
    public async Task A_person_edits_their_own_profile_but_not_another(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var me = await app.CreateUserAsync(HemisphereRole.Learner);
        var mine = await CreateAsync(editor, "Mine " + me.Id, "members");
        await app.WithDbAsync(async db => { (await db.People.FindAsync(mine))!.UserId = me.Id; return await db.SaveChangesAsync(); });
        var other = await CreateAsync(editor, "Other person", "public");
        var client = await app.ClientForAsync(me);
        var update = new { fullName = "Mine, renamed", visibility = "public", countryCode = "SV" };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/people/{mine}", update)).StatusCode);
        await (await client.PutAsJsonAsync($"/api/v1/people/{other}", update)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/api/v1/people/{mine}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, BothProviders]
    public async Task Bad_profile_input_names_the_field(DatabaseProvider provider)
    {
        var editor = await apps[provider].ClientForRoleAsync(HemisphereRole.Editor);
        await (await editor.PostAsJsonAsync("/api/v1/people", new { fullName = " " })).ValidationProblemAsync("fullName");
        await (await editor.PostAsJsonAsync("/api/v1/people", new { fullName = "X", languages = new[] { "xx" } })).ValidationProblemAsync("languages");
        await (await editor.PostAsJsonAsync("/api/v1/people", new { fullName = "X", email = "not-an-address" })).ValidationProblemAsync("email");
        await (await editor.PostAsJsonAsync("/api/v1/people", new { fullName = "X", visibility = "everyone" })).ValidationProblemAsync("visibility");
        await (await editor.PostAsJsonAsync("/api/v1/people", new { fullName = "X", institutionId = Guid.NewGuid() })).ValidationProblemAsync("institutionId");
        await (await editor.PostAsJsonAsync("/api/v1/people", new { fullName = "X", expertise = Enumerable.Range(0, 31).Select(i => "e" + i) })).ValidationProblemAsync("expertise");
        await (await editor.PostAsJsonAsync("/api/v1/people", new { fullName = "X\u0000Y" })).ValidationProblemAsync("fullName");
    }

    [Theory, BothProviders]
    public async Task Page_500_of_people_answers(DatabaseProvider provider)
    {
        var response = await apps[provider].CreateClient().GetAsync("/api/v1/people?page=500&pageSize=20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("items").GetArrayLength());
    }
}
