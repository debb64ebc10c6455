using System.Globalization;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Hemisphere.Features.Directory;

/// <summary>
/// Totals of the people list, kept for a short while. Counting 200,000 visible profiles costs far
/// more than reading one page of them, and the total does not need to be exact to the second.
/// A change made on this node shows at once; one made on another node within <see cref="Lifetime"/>.
/// </summary>
public sealed class DirectoryCounts(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private long _generation;

    public void PeopleChanged() => Interlocked.Increment(ref _generation);

    public async Task<int> PeopleAsync(Actor actor, PersonFilter f, Func<Task<int>> count)
    {
        var audience = DirectoryPolicy.SeesAllProfiles(actor) ? "all" : actor.UserId is { } me ? "member:" + me.ToString("N") : "public";
        var key = string.Create(CultureInfo.InvariantCulture,
            $"people-total|{Interlocked.Read(ref _generation)}|{audience}|{f.Q}|{f.Country}|{f.InstitutionId}|{f.Language}|{f.Expertise}");
        // Concurrent requests for the same total share one count instead of all counting at once when it expires.
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return new Lazy<Task<int>>(count, LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        try
        {
            return await shared.Value;
        }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }
}
