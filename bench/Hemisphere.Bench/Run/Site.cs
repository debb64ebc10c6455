using System.Net;
using System.Text.Json;

namespace Hemisphere.Bench.Run;

/// <summary>Plain requests to the site before the load: sizes, status codes and the ids of public people.</summary>
public sealed class Site(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public sealed record Answer(HttpStatusCode Status, long Bytes, string Body, string? ContentType)
    {
        public bool Ok => (int)Status is >= 200 and < 300;
    }

    public async Task<Answer> GetAsync(string path, CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync(path, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return new Answer(response.StatusCode, body.LongLength, System.Text.Encoding.UTF8.GetString(body), response.Content.Headers.ContentType?.ToString());
        }
        catch (HttpRequestException e)
        {
            throw new BenchException($"The site at {baseUrl} does not answer ({path}): {e.Message}", e);
        }
    }

    /// <summary>Ids of public profiles from a few pages spread over the list (an anonymous caller only sees public ones).</summary>
    public async Task<List<Guid>> PublicPeopleAsync(int wanted, CancellationToken ct)
    {
        var first = await PeoplePageAsync(1, ct);
        var pages = Math.Max(1, (first.Total + 99) / 100);
        var ids = new List<Guid>(first.Ids);
        foreach (var page in new[] { pages / 7, pages / 3, pages / 2, pages * 4 / 5, pages }.Where(p => p > 1).Distinct())
        {
            if (ids.Count >= wanted) break;
            ids.AddRange((await PeoplePageAsync(page, ct)).Ids);
        }
        return ids.Distinct().Take(wanted).ToList();
    }

    private async Task<(int Total, List<Guid> Ids)> PeoplePageAsync(int page, CancellationToken ct)
    {
        var answer = await GetAsync($"/api/v1/people?page={page}&pageSize=100", ct);
        if (!answer.Ok) throw new BenchException($"GET /api/v1/people answered {(int)answer.Status}.");
        using var json = JsonDocument.Parse(answer.Body);
        var root = json.RootElement;
        var ids = root.GetProperty("items").EnumerateArray()
            .Where(p => string.Equals(p.GetProperty("visibility").GetString(), "public", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.GetProperty("id").GetGuid())
            .ToList();
        return (root.GetProperty("total").GetInt32(), ids);
    }

    public void Dispose() => _http.Dispose();
}
