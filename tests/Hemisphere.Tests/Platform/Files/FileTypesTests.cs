using Hemisphere.Platform.Files;

namespace Hemisphere.Tests.Platform.Files;

public sealed class FileTypesTests
{
    private static FileIdentification Identify(byte[] content, string name, FileCategory allowed = FileCategory.Any) =>
        FileTypes.Identify(new MemoryStream(content), name, allowed);

    public static TheoryData<string, string> Recognised => new()
    {
        { "report.pdf", "pdf" },
        { "report.docx", "docx" },
        { "budget.xlsx", "xlsx" },
        { "slides.pptx", "pptx" },
        { "report.odt", "odt" },
        { "budget.ods", "ods" },
        { "old.doc", "doc" },
        { "old.xls", "xls" },
        { "data.csv", "csv" },
        { "notes.txt", "txt" },
        { "clip.mp4", "mp4" },
        { "clip.webm", "webm" },
        { "photo.png", "png" },
        { "photo.jpg", "jpg" },
        { "photo.JPEG", "jpg" },
        { "photo.webp", "webp" },
    };

    private static byte[] SampleFor(string extension) => extension switch
    {
        "pdf" => FileSamples.Pdf("Hello"),
        "docx" => FileSamples.Docx("Hello"),
        "xlsx" => FileSamples.Xlsx(["a"], "b"),
        "pptx" => FileSamples.Pptx("Hello"),
        "odt" => FileSamples.OpenDocument("application/vnd.oasis.opendocument.text", "Hello"),
        "ods" => FileSamples.OpenDocument("application/vnd.oasis.opendocument.spreadsheet", "Hello"),
        "doc" or "xls" => FileSamples.Ole(),
        "csv" => FileSamples.Text("name;country\nPolicía;México\n"),
        "txt" => FileSamples.Text("Plain notes\twith a tab\r\n"),
        "mp4" => FileSamples.Mp4(),
        "webm" => FileSamples.Webm(),
        "png" => FileSamples.Png(),
        "jpg" => FileSamples.Jpeg(),
        "webp" => FileSamples.Webp(),
        _ => throw new ArgumentOutOfRangeException(nameof(extension)),
    };

    [Theory, MemberData(nameof(Recognised))]
    public void Each_accepted_type_is_recognised_by_its_content(string name, string extension)
    {
        var id = Identify(SampleFor(extension), name);
        Assert.Equal(FileProblem.None, id.Problem);
        Assert.Equal(extension, id.Type!.Extension);
    }

    [Fact]
    public void The_client_name_does_not_decide_the_type_the_content_does()
    {
        var exe = Identify(FileSamples.Exe(), "report.pdf");
        Assert.Null(exe.Type);
        Assert.Equal(FileProblem.Mismatch, exe.Problem);
        Assert.Equal(ContentKind.Program, exe.LooksLike);

        var text = Identify(FileSamples.Text("not a video at all"), "clip.mp4");
        Assert.Equal(FileProblem.Mismatch, text.Problem);
        Assert.Equal(ContentKind.PlainText, text.LooksLike);

        var pdfAsDocx = Identify(FileSamples.Pdf("x"), "report.docx");
        Assert.Equal(FileProblem.Mismatch, pdfAsDocx.Problem);
        Assert.Equal(ContentKind.Pdf, pdfAsDocx.LooksLike);

        var docxAsXlsx = Identify(FileSamples.Docx("x"), "budget.xlsx");
        Assert.Equal(ContentKind.WordProcessing, docxAsXlsx.LooksLike);
        Assert.Equal(FileProblem.Mismatch, docxAsXlsx.Problem);

        Assert.Equal(FileProblem.Mismatch, Identify(FileSamples.Ole(), "report.pdf").Problem);
    }

    [Fact]
    public void A_name_without_extension_takes_the_content_type_when_it_is_unambiguous()
    {
        Assert.Equal("pdf", Identify(FileSamples.Pdf("x"), "report").Type!.Extension);
        var ole = Identify(FileSamples.Ole(), "old");
        Assert.Equal(FileProblem.NoExtension, ole.Problem);
        Assert.Equal(FileProblem.NoExtension, Identify(FileSamples.Text("a,b"), "data").Problem);
    }

    [Fact]
    public void Recognised_content_outside_the_allowed_categories_is_not_allowed()
    {
        var video = Identify(FileSamples.Mp4(), "clip.mp4", FileCategory.Document | FileCategory.Spreadsheet);
        Assert.Null(video.Type);
        Assert.Equal(FileProblem.NotAllowed, video.Problem);
        Assert.Equal(FileProblem.NotAllowed, Identify(FileSamples.Png(), "a.png", FileCategory.Publication).Problem);
        Assert.Equal(FileProblem.None, Identify(FileSamples.Png(), "a.png", FileCategory.Image).Problem);
    }

    [Fact]
    public void Other_content_is_unsupported()
    {
        var zip = Identify(FileSamples.Zip(("a.txt", "hello")), "archive.zip");
        Assert.Equal((FileProblem.Unsupported, ContentKind.Zip), (zip.Problem, zip.LooksLike));
        Assert.Equal(FileProblem.Unsupported, Identify(FileSamples.Zip(("a.txt", "hello")), "archive").Problem);
        Assert.Equal(FileProblem.Unsupported, Identify([0, 1, 2, 3, 0, 0xFF], "blob.pdf").Problem);
        Assert.Equal(FileProblem.Mismatch, Identify(FileSamples.Zip(("a.txt", "hello")), "report.docx").Problem);
        Assert.Equal(ContentKind.Image, Identify("GIF89a\u0001\u0000"u8.ToArray(), "a.gif").LooksLike);
        Assert.Equal(ContentKind.Unknown, Identify([0, 1, 2, 3, 0, 0xFF], "blob.bin").LooksLike);
        // Not UTF-8 (Latin-1 é), and a NUL byte: neither is text.
        Assert.Equal(ContentKind.Unknown, Identify([(byte)'c', 0xE9, (byte)'\n'], "a.csv").LooksLike);
        Assert.Equal(ContentKind.Unknown, Identify([(byte)'a', 0, (byte)'b'], "a.txt").LooksLike);
        Assert.Equal(ContentKind.Program, Identify([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1], "a.mp4").LooksLike);
    }

    [Fact]
    public void Identify_leaves_the_stream_where_it_was()
    {
        var stream = new MemoryStream(FileSamples.Docx("x")) { Position = 3 };
        FileTypes.Identify(stream, "a.docx", FileCategory.Any);
        Assert.Equal(3, stream.Position);
    }

    [Fact]
    public void Accepted_extensions_are_listed_for_messages()
    {
        Assert.Equal(".mp4, .webm", FileTypes.ExtensionsOf(FileCategory.Video));
        Assert.Contains(".pdf", FileTypes.ExtensionsOf(FileCategory.Publication), StringComparison.Ordinal);
        Assert.True(FileTypes.Pdf.Inline);
        Assert.False(FileTypes.Docx.Inline);
        Assert.Same(FileTypes.Jpeg, FileTypes.ByExtension(".JPEG"));
    }
}
