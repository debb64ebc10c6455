namespace Hemisphere.Features.Portfolio.Pages;

/// <summary>Where each member state's tile sits on the dashboard's tile map (column, row), north to south.</summary>
public static class TileMap
{
    public sealed record Tile(string Code, int Column, int Row);

    public static readonly Tile[] Positions =
    [
        new("CA", 1, 0), new("US", 1, 1), new("MX", 0, 2), new("CU", 3, 2), new("BS", 4, 2),
        new("GT", 0, 3), new("BZ", 1, 3), new("JM", 3, 3), new("HT", 4, 3), new("DO", 5, 3), new("KN", 7, 3), new("AG", 8, 3),
        new("SV", 0, 4), new("HN", 1, 4), new("DM", 8, 4), new("NI", 1, 5), new("LC", 8, 5),
        new("CR", 1, 6), new("PA", 2, 6), new("VC", 7, 6), new("BB", 8, 6),
        new("CO", 2, 7), new("VE", 3, 7), new("GD", 7, 7), new("TT", 8, 7),
        new("EC", 2, 8), new("GY", 4, 8), new("SR", 5, 8), new("PE", 2, 9), new("BR", 4, 9),
        new("BO", 3, 10), new("PY", 4, 10), new("CL", 2, 11), new("AR", 3, 11), new("UY", 4, 11),
    ];
}
