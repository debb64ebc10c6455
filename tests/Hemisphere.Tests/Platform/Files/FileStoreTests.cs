using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Tests.Platform.Files;

/// <summary>A FileStore over a fresh temporary data directory, deleted afterwards.</summary>
public sealed class TempFileStore : IDisposable
{
    public TempFileStore(FilesOptions? options = null)
    {
        Directory.CreateDirectory(DataDirectory);
        Store = new FileStore(new HemispherePaths(DataDirectory), Options.Create(options ?? new FilesOptions()), Localizer, TimeProvider.System);
    }

    public static IStringLocalizer<SharedResource> Localizer { get; } = new ServiceCollection()
        .AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hemisphere-files-" + Guid.NewGuid().ToString("N"));
    public FileStore Store { get; }

    /// <summary>Every file under DataDirectory/files, temporary ones included.</summary>
    public string[] FilesOnDisk() =>
        Directory.Exists(Store.Root) ? Directory.GetFiles(Store.Root, "*", SearchOption.AllDirectories) : [];

    public Task<Outcome<StoredFile>> SaveAsync(byte[] content, string name, FileCategory allowed = FileCategory.Any) =>
        Store.SaveAsync(new MemoryStream(content), name, allowed, null, CancellationToken.None);

    public void Dispose()
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}

public sealed class FileStoreTests : IDisposable
{
    private readonly CultureScope _culture = CultureScope.Use("en");
    private readonly TempFileStore _files = new(new FilesOptions { MaxBytes = 20_000, MaxVideoBytes = 40_000 });

    public void Dispose()
    {
        _files.Dispose();
        _culture.Dispose();
    }

    private async Task<string> RefusedAsync(byte[] content, string name, FileCategory allowed = FileCategory.Any)
    {
        var outcome = await _files.SaveAsync(content, name, allowed);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Empty(_files.FilesOnDisk());
        return Assert.Single(outcome.Errors[FileStore.Field]);
    }

    [Fact]
    public async Task A_PDF_is_stored_under_its_hash_with_its_text()
    {
        var pdf = FileSamples.Pdf("Community policing in the Caribbean");
        var outcome = await _files.Store.SaveAsync(new MemoryStream(pdf), "Report 2025.pdf", FileCategory.Publication, Guid.Empty, CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var file = outcome.Value!;
        Assert.Equal("Report 2025.pdf", file.OriginalName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("pdf", file.Extension);
        Assert.Equal(pdf.Length, file.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.Sha256);
        Assert.Equal(Guid.Empty, file.CreatedBy);
        Assert.Contains("Community policing in the Caribbean", file.ExtractedText, StringComparison.Ordinal);

        var onDisk = Assert.Single(_files.FilesOnDisk());
        Assert.Equal(Path.Combine(_files.Store.Root, file.Sha256[..2], file.Sha256[2..4], file.Sha256), onDisk);
        await using var read = _files.Store.OpenRead(file);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Fact]
    public async Task Identical_content_is_stored_once()
    {
        var docx = FileSamples.Docx("Same words");
        var first = (await _files.SaveAsync(docx, "one.docx")).Value!;
        var second = (await _files.SaveAsync(docx, "two.docx")).Value!;
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal("two.docx", second.OriginalName);
        Assert.Single(_files.FilesOnDisk());
        Assert.Equal("Same words", second.ExtractedText);
    }

    [Fact]
    public async Task A_zero_byte_file_is_refused() =>
        Assert.Equal("The file is empty (0 bytes).", await RefusedAsync([], "empty.pdf"));

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_reading_stops_at_the_limit()
    {
        Assert.Contains("larger than the limit", await RefusedAsync(FileSamples.Mp4(25_000), "clip.mp4", FileCategory.Publication), StringComparison.Ordinal);

        var endless = new EndlessStream();
        var outcome = await _files.Store.SaveAsync(endless, "big.pdf", FileCategory.Document, null, CancellationToken.None);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(20_001, endless.BytesRead);
        Assert.Empty(_files.FilesOnDisk());
    }

    [Fact]
    public async Task Videos_have_their_own_larger_limit()
    {
        Assert.True((await _files.SaveAsync(FileSamples.Mp4(30_000), "clip.mp4", FileCategory.Video | FileCategory.Document)).IsOk);
        // Read up to the video limit because videos are allowed, then held to the document limit because it is a PDF.
        var padded = FileSamples.Pdf("x").Concat(new byte[25_000]).ToArray();
        Assert.Contains("larger than the limit", await RefusedAsyncKeepingOthers(padded, "big.pdf", FileCategory.Video | FileCategory.Document), StringComparison.Ordinal);
        Assert.Contains("larger than the limit", await RefusedAsyncKeepingOthers(FileSamples.Mp4(45_000), "clip.mp4", FileCategory.Video), StringComparison.Ordinal);
        Assert.Single(_files.FilesOnDisk());
    }

    private async Task<string> RefusedAsyncKeepingOthers(byte[] content, string name, FileCategory allowed)
    {
        var outcome = await _files.SaveAsync(content, name, allowed);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        return Assert.Single(outcome.Errors[FileStore.Field]);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "folder path")]
    [InlineData("folder/report.pdf", "folder path")]
    [InlineData("C:\\Users\\me\\report.pdf", "folder path")]
    [InlineData("report..pdf", "“..”")]
    [InlineData("..", "“..”")]
    [InlineData("   ", "has no name")]
    [InlineData("\u0001\u0002", "has no name")]
    [InlineData("CON.pdf", "reserved")]
    [InlineData("lpt1", "reserved")]
    public async Task Bad_names_are_refused_with_a_clear_message(string name, string expected) =>
        Assert.Contains(expected, await RefusedAsync(FileSamples.Pdf("x"), name), StringComparison.Ordinal);

    [Fact]
    public async Task Names_are_cleaned_of_control_characters_and_given_an_extension()
    {
        Assert.Equal("report.pdf", (await _files.SaveAsync(FileSamples.Pdf("x"), "re\u0000port\u202E.pdf\t")).Value!.OriginalName);
        Assert.Equal("a_b.pdf", (await _files.SaveAsync(FileSamples.Pdf("x"), "a:b.pdf")).Value!.OriginalName);
        Assert.Equal("scan.pdf", (await _files.SaveAsync(FileSamples.Pdf("x"), "scan")).Value!.OriginalName);
        Assert.Contains("longer than 255", await RefusedAsyncKeepingOthers(FileSamples.Pdf("x"), new string('a', 300) + ".pdf", FileCategory.Any), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_that_contradicts_the_name_is_refused_saying_what_it_looks_like()
    {
        Assert.Equal("The file name ends in .pdf but its content looks like a program (an executable file). Rename the file or upload the right one.",
            await RefusedAsync(FileSamples.Exe(), "report.pdf"));
        Assert.Contains("looks like plain text", await RefusedAsync(FileSamples.Text("hello"), "clip.mp4"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Types_outside_the_allowed_set_are_refused()
    {
        var message = await RefusedAsync(FileSamples.Mp4(), "clip.mp4", FileCategory.Document | FileCategory.Spreadsheet);
        Assert.StartsWith("Files of type .mp4 are not accepted here. Accepted: .pdf, .docx", message, StringComparison.Ordinal);
        Assert.StartsWith("This file looks like a ZIP archive, which is not accepted. Accepted: .pdf,", await RefusedAsync(FileSamples.Zip(("a.txt", "a")), "archive.zip"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_documents_are_refused()
    {
        Assert.Contains("The PDF cannot be read", await RefusedAsync("%PDF-1.7\nnot really a PDF\n"u8.ToArray(), "broken.pdf"), StringComparison.Ordinal);
        var brokenDocx = FileSamples.Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document xmlns:w=\"x\"><w:body><unclosed"));
        Assert.Contains("The document cannot be read", await RefusedAsync(brokenDocx, "broken.docx"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_follow_the_reader_language()
    {
        using var spanish = CultureScope.Use("es");
        Assert.Equal("El archivo está vacío (0 bytes).", await RefusedAsync([], "vacio.pdf"));
    }

    [Fact]
    public async Task Videos_and_images_are_stored_without_text()
    {
        var video = (await _files.SaveAsync(FileSamples.Webm(), "clip.webm")).Value!;
        Assert.Equal("video/webm", video.ContentType);
        Assert.Null(video.ExtractedText);
        var image = (await _files.SaveAsync(FileSamples.Jpeg(), "photo.jpeg")).Value!;
        Assert.Equal("jpg", image.Extension);
        Assert.Equal("photo.jpeg", image.OriginalName);
    }

    /// <summary>Bytes of a PDF header followed by zeros, forever; counts what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            if (BytesRead == 0) "%PDF-1.7\n"u8.CopyTo(buffer.AsSpan(offset));
            BytesRead += count;
            return count;
        }
    }
}
