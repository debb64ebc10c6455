namespace Hemisphere.Bench.Generate;

/// <summary>Draws items in proportion to their weights.</summary>
public sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<T> items, Func<T, double> weight)
    {
        _items = items.ToArray();
        _cumulative = new double[_items.Length];
        var sum = 0d;
        for (var i = 0; i < _items.Length; i++) _cumulative[i] = sum += weight(_items[i]);
        if (_items.Length == 0 || sum <= 0) throw new ArgumentException("Nothing to draw from.", nameof(items));
    }

    public T Next(Random rng)
    {
        var target = rng.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return _items[Math.Min(index < 0 ? ~index : index, _items.Length - 1)];
    }

    /// <summary>Splits a total in proportion to the weights (largest remainders), so the parts add up exactly.</summary>
    public static List<(T Item, int Count)> Split(IReadOnlyList<T> items, Func<T, double> weight, int total)
    {
        var sum = items.Sum(weight);
        var exact = items.Select(i => weight(i) / sum * total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, items.Count).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left)) counts[i]++;
        return items.Select((item, i) => (item, counts[i])).ToList();
    }
}
