namespace Hemisphere.Platform.Files;

/// <summary>Settings under <c>Files:</c>.</summary>
public sealed class FilesOptions
{
    /// <summary>Largest upload in bytes, except videos (Files:MaxBytes, 100 MB).</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest video in bytes (Files:MaxVideoBytes, 500 MB).</summary>
    public long MaxVideoBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Most characters of text kept from a document for search (Files:MaxExtractedChars, 200,000).</summary>
    public int MaxExtractedChars { get; set; } = 200_000;
}

public static class FilesSetup
{
    public static IServiceCollection AddHemisphereFiles(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<FilesOptions>(config.GetSection("Files"));
        services.AddSingleton<FileStore>();
        return services;
    }
}
