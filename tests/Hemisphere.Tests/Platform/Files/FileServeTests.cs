using Hemisphere.Platform.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Platform.Files;

/// <summary>FileStore.Serve executed against a bare HttpContext: ranges, validators and safe headers.</summary>
public sealed class FileServeTests : IDisposable
{
    private readonly TempFileStore _files = new();
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public void Dispose() => _files.Dispose();

    private static async Task<(HttpResponse Response, byte[] Body)> ExecuteAsync(IResult result, Action<HttpRequest>? request = null)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Request.Method = "GET";
        request?.Invoke(http.Request);
        var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response, body.ToArray());
    }

    [Fact]
    public async Task A_video_is_served_inline_in_ranges()
    {
        var mp4 = FileSamples.Mp4(10_000);
        var file = (await _files.SaveAsync(mp4, "clip.mp4")).Value!;

        var (response, body) = await ExecuteAsync(_files.Store.Serve(file, inline: true), r => r.Headers.Range = "bytes=100-199");
        Assert.Equal(206, response.StatusCode);
        Assert.Equal("bytes 100-199/10000", response.Headers.ContentRange.ToString());
        Assert.Equal("bytes", response.Headers.AcceptRanges.ToString());
        Assert.Equal("video/mp4", response.ContentType);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.StartsWith("inline", response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal($"\"{file.Sha256}\"", response.Headers.ETag.ToString());
        Assert.Equal(mp4[100..200], body);

        // If-Range with another validator: the whole file, not a piece of a different one.
        var (full, fullBody) = await ExecuteAsync(_files.Store.Serve(file, inline: true), r =>
        {
            r.Headers.Range = "bytes=100-199";
            r.Headers.IfRange = "\"not-this-one\"";
        });
        Assert.Equal(200, full.StatusCode);
        Assert.Equal(mp4, fullBody);

        var (notModified, _) = await ExecuteAsync(_files.Store.Serve(file, inline: true), r => r.Headers.IfNoneMatch = $"\"{file.Sha256}\"");
        Assert.Equal(304, notModified.StatusCode);
    }

    [Fact]
    public async Task Documents_other_than_PDF_are_always_attachments()
    {
        var docx = (await _files.SaveAsync(FileSamples.Docx("x"), "Informe anual.docx")).Value!;
        var (response, _) = await ExecuteAsync(_files.Store.Serve(docx, inline: true));
        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("attachment", response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Contains("Informe", response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());

        var pdf = (await _files.SaveAsync(FileSamples.Pdf("x"), "a.pdf")).Value!;
        Assert.StartsWith("inline", (await ExecuteAsync(_files.Store.Serve(pdf, inline: true))).Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("attachment", (await ExecuteAsync(_files.Store.Serve(pdf, inline: false))).Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_missing_from_disk_is_not_found()
    {
        var file = (await _files.SaveAsync(FileSamples.Png(), "a.png")).Value!;
        File.Delete(Assert.Single(_files.FilesOnDisk()));
        Assert.Equal(404, (await ExecuteAsync(_files.Store.Serve(file, inline: true))).Response.StatusCode);
    }
}
