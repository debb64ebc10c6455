using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Platform.Files;

[Collection(AppsCollection.Name)]
public sealed class FileStoreDatabaseTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task The_host_stores_a_file_and_its_row_keeps_the_text(DatabaseProvider provider)
    {
        var app = apps[provider];
        var store = app.Services.GetRequiredService<FileStore>();
        Assert.StartsWith(app.DataDirectory, store.Root, StringComparison.Ordinal);

        var phrase = "Cybersecurity drill " + Guid.NewGuid().ToString("N")[..8];
        var outcome = await store.SaveAsync(new MemoryStream(FileSamples.Pdf(phrase)), "drill.pdf", FileCategory.Publication, null, CancellationToken.None);
        Assert.True(outcome.IsOk);
        var id = outcome.Value!.Id;
        await app.WithDbAsync(async db =>
        {
            db.StoredFiles.Add(outcome.Value);
            return await db.SaveChangesAsync();
        });

        var row = await app.WithDbAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Contains(phrase, row.ExtractedText, StringComparison.Ordinal);
        Assert.Equal(outcome.Value.Sha256, row.Sha256);
        Assert.True(store.Exists(row));
    }
}
