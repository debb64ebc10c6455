namespace Hemisphere.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The folder holding Hemisphere.slnx.</summary>
    public static string Root { get; } = Find();

    /// <summary>The read-only shared folder beside the repository (seeds, schemas).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hemisphere.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
