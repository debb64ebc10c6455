namespace Hemisphere.Platform.Data;

/// <summary>The shape of every list the API returns.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public readonly record struct PageRequest(int Number, int Size)
{
    public const int MaxSize = 200;
    public int Skip => (Number - 1) * Size;

    public static PageRequest From(int? page, int? pageSize, int defaultSize = 25) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, MaxSize));
}
