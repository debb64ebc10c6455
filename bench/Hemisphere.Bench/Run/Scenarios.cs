namespace Hemisphere.Bench.Run;

/// <summary>One load: the paths wrk cycles through, and what to say when the site does not serve them.</summary>
public sealed record Scenario(string Key, string Title, string Request, IReadOnlyList<string> Paths, string? WhenMissing);

public static class Scenarios
{
    public const string PeopleFirstPage = "/api/v1/people?page=1&pageSize=20";

    /// <summary>The ceiling first: every other scenario is read as a fraction of it.</summary>
    public static IReadOnlyList<Scenario> All(long ceilingBytes, IReadOnlyList<Guid> publicPeople)
    {
        var ids = publicPeople.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("a", "Ceiling: HTML from memory, as many bytes as (b)", $"GET /bench/ceiling?bytes={ceilingBytes}",
                [$"/bench/ceiling?bytes={ceilingBytes}"],
                "not mapped: the site needs Bench__Ceiling=true and app.MapBenchCeiling() in HemisphereHost"),
            new("b", "People API, first page", "GET " + PeopleFirstPage, [PeopleFirstPage], null),
            new("c", "People API, page 500", "GET /api/v1/people?page=500&pageSize=20", ["/api/v1/people?page=500&pageSize=20"], null),
            new("d", "Profile page of a public person", $"GET /directory/people/{{id}} ({ids} ids)",
                publicPeople.Select(id => $"/directory/people/{id}").ToList(), "the site has no page at /directory/people/{id}"),
            new("e", "Institutions API, first page", "GET /api/v1/institutions?page=1", ["/api/v1/institutions?page=1"], null),
            new("f", "Person API, one public person", $"GET /api/v1/people/{{id}} ({ids} ids)",
                publicPeople.Select(id => $"/api/v1/people/{id}").ToList(), null),
        ];
    }
}
