namespace Hemisphere.Platform.Data;

/// <summary>Where Hemisphere keeps its files: the SQLite database, uploads and the mail pickup folder.</summary>
public sealed class HemispherePaths(string dataDirectory)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);
}
