using System.Net;
using System.Net.Http.Headers;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Hemisphere.Tests.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Library;

[Collection(AppsCollection.Name)]
public sealed class LibraryFileTests(Apps apps)
{
    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string? title = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (title is not null) form.Add(new StringContent(title), "title");
        return form;
    }

    [Theory, BothProviders]
    public async Task Text_inside_an_attached_PDF_is_found_and_the_file_is_served_in_ranges(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var created = await LibraryApiTests.CreateAsync(admin, LibraryApiTests.Item("Informe anual"));
        var id = created.GetProperty("id").GetString();
        var word = "Quetzalcoatl" + Guid.NewGuid().ToString("N")[..6];
        var pdf = FileSamples.Pdf("Annual report of the network", $"The word {word} is only in this PDF.");

        var response = await admin.PostAsync($"/api/v1/library/items/{id}/files", Upload(pdf, "informe.pdf", "Informe (PDF)"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var attachment = await response.JsonAsync();
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        var url = attachment.GetProperty("url").GetString()!;

        // Not public before the item is.
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        await admin.PostAsync($"/api/v1/library/items/{id}/publish", null);

        var search = await (await anonymous.GetAsync("/api/v1/search?source=library&q=" + word)).JsonAsync();
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Contains($"<mark>{word}</mark>", search.GetProperty("items")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(0, 9);
        var part = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(pdf[..10], await part.Content.ReadAsByteArrayAsync());

        // Removing the file removes its text from search.
        var detached = await admin.DeleteAsync($"/api/v1/library/items/{id}/files/{attachment.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, detached.StatusCode);
        Assert.Equal(0, (await (await anonymous.GetAsync("/api/v1/search?source=library&q=" + word)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Theory, BothProviders]
    public async Task Bad_uploads_are_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var created = await LibraryApiTests.CreateAsync(editor, LibraryApiTests.Item("Con adjuntos"));
        var id = created.GetProperty("id").GetString();
        var before = await app.WithDbAsync(db => db.StoredFiles.CountAsync());
        var filesBefore = FilesOnDisk(app);

        var exe = "MZ\u0090\0\u0003\0\0\0"u8.ToArray().Concat(new byte[500]).ToArray();
        await (await editor.PostAsync($"/api/v1/library/items/{id}/files", Upload([], "empty.pdf"))).ValidationProblemAsync("file");
        await (await editor.PostAsync($"/api/v1/library/items/{id}/files", Upload(exe, "report.pdf"))).ValidationProblemAsync("file");
        await (await editor.PostAsync($"/api/v1/library/items/{id}/files", Upload(FileSamples.Pdf("x"), "../../etc/passwd.pdf"))).ValidationProblemAsync("file");
        await (await editor.PostAsync($"/api/v1/library/items/{id}/files", Upload(FileSamples.Pdf("x"), "dir\\report.pdf"))).ValidationProblemAsync("file");
        await (await editor.PostAsync($"/api/v1/library/items/{id}/files", Upload("%PDF-1.7 broken"u8.ToArray(), "broken.pdf"))).ValidationProblemAsync("file");
        await (await editor.PostAsync($"/api/v1/library/items/{id}/files", new MultipartFormDataContent { { new StringContent("x"), "title" } })).ValidationProblemAsync("file");
        await (await editor.PostAsync($"/api/v1/library/items/{id}/files", new StringContent("x"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(before, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(filesBefore, FilesOnDisk(app));
        Assert.Empty((await (await editor.GetAsync($"/api/v1/library/items/{id}")).JsonAsync()).GetProperty("attachments").EnumerateArray());

        // Someone who may not edit the item cannot attach to it.
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/library/items/{id}/files", Upload(FileSamples.Pdf("x"), "a.pdf"))).StatusCode);
    }

    private static int FilesOnDisk(HemisphereApp app)
    {
        var root = Path.Combine(app.DataDirectory, "files");
        return System.IO.Directory.Exists(root) ? System.IO.Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
    }
}
