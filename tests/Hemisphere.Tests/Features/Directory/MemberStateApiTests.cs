using System.Net;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Features.Directory;

[Collection(AppsCollection.Name)]
public sealed class MemberStateApiTests(Apps apps)
{
    private static async Task<(int Total, int Active, Dictionary<string, string> Status)> StatesOn(HttpClient client, string? asOf)
    {
        var json = await (await client.GetAsync("/api/v1/member-states" + (asOf is null ? "" : "?asOf=" + asOf))).JsonAsync();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        return (json.GetProperty("total").GetInt32(),
            items.Count(i => i.GetProperty("active").GetBoolean()),
            items.ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("status").GetString()!));
    }

    [Theory, BothProviders]
    public async Task Thirty_four_states_were_active_in_2017_out_of_thirty_five(DatabaseProvider provider)
    {
        var (total, active, status) = await StatesOn(apps[provider].CreateClient(), "2017-06-30");
        Assert.Equal(35, total);
        Assert.Equal(34, active);
        Assert.Equal("notParticipating", status["CU"]);
        Assert.Equal("active", status["NI"]);
    }

    [Theory, BothProviders]
    public async Task Nicaragua_withdrawal_takes_effect_on_19_November_2023(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        Assert.Equal("active", (await StatesOn(client, "2023-11-18")).Status["NI"]);
        var after = await StatesOn(client, "2023-11-19");
        Assert.Equal("withdrawn", after.Status["NI"]);
        Assert.Equal(33, after.Active);
    }

    [Theory, BothProviders]
    public async Task Before_Canada_joined_it_is_not_a_member(DatabaseProvider provider)
    {
        var (_, _, status) = await StatesOn(apps[provider].CreateClient(), "1989-12-31");
        Assert.Equal("notMember", status["CA"]);
    }

    [Theory, BothProviders]
    public async Task A_state_answers_with_its_history_and_names_in_four_languages(DatabaseProvider provider)
    {
        var json = await (await apps[provider].CreateClient().GetAsync("/api/v1/member-states/cu")).JsonAsync();
        Assert.Equal("CU", json.GetProperty("code").GetString());
        Assert.Equal("CUB", json.GetProperty("alpha3").GetString());
        var changes = json.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("change").GetString()).ToList();
        Assert.Equal(["joined", "participationSuspended", "noted"], changes);
        Assert.Equal("Brasil", (await (await apps[provider].CreateClient().GetAsync("/api/v1/member-states/BR")).JsonAsync()).GetProperty("names").GetProperty("es").GetString());
    }

    [Theory, BothProviders]
    public async Task Unknown_state_is_404_and_bad_date_is_a_400_naming_asOf(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        await (await client.GetAsync("/api/v1/member-states/XX")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/member-states?asOf=31/12/2017")).ValidationProblemAsync("asOf");
    }

    [Theory, BothProviders]
    public async Task Only_an_administrator_records_a_change_and_it_must_fit_the_history(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var change = new { effectiveOn = "2030-01-01", change = "participationSuspended", reference = "test" };
        await (await editor.PostAsJsonAsync("/api/v1/member-states/UY/membership-events", change)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().PostAsJsonAsync("/api/v1/member-states/UY/membership-events", change)).ProblemAsync(HttpStatusCode.Unauthorized);

        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        // Nicaragua has withdrawn: it cannot withdraw again.
        var twice = await (await admin.PostAsJsonAsync("/api/v1/member-states/NI/membership-events", new { effectiveOn = "2024-01-01", change = "withdrew" })).ValidationProblemAsync("change");
        // The state's status is named as a sentence needs it ("…on that date the state was withdrawn."), not as a table heading.
        Assert.EndsWith("the state was withdrawn.", twice.GetProperty("errors").GetProperty("change")[0].GetString(), StringComparison.Ordinal);
        await (await admin.PostAsJsonAsync("/api/v1/member-states/NI/membership-events", new { effectiveOn = "2024-01-01", change = "exploded" })).ValidationProblemAsync("change");
        await (await admin.PostAsJsonAsync("/api/v1/member-states/NI/membership-events", new { change = "noted" })).ValidationProblemAsync("effectiveOn");

        // A change recorded for a later date shows from that date only.
        var created = await admin.PostAsJsonAsync("/api/v1/member-states/UY/membership-events", change);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = app.CreateClient();
        Assert.Equal("active", (await (await client.GetAsync("/api/v1/member-states/UY?asOf=2029-12-31")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("notParticipating", (await (await client.GetAsync("/api/v1/member-states/UY?asOf=2030-01-01")).JsonAsync()).GetProperty("status").GetString());
        var audit = await (await admin.GetAsync("/api/v1/audit?entityType=MembershipEvent")).JsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("changes").GetString()!.Contains("UY", StringComparison.Ordinal));
    }
}
