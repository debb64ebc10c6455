using System.Text;
using Hemisphere.Platform.Files;

namespace Hemisphere.Tests.Platform.Files;

public sealed class TextExtractionTests
{
    private static ExtractionResult Extract(byte[] content, FileType type, ExtractionLimits? limits = null) =>
        TextExtraction.Extract(new MemoryStream(content), type, limits);

    [Fact]
    public void Text_is_read_back_from_a_PDF()
    {
        var result = Extract(FileSamples.Pdf("Border security cooperation", "Second line of the report"), FileTypes.Pdf);
        Assert.True(result.IsOk);
        Assert.Contains("Border security cooperation", result.Text, StringComparison.Ordinal);
        Assert.Contains("Second line of the report", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_PDF_is_a_refusal_not_an_exception()
    {
        Assert.Equal(ExtractionError.BadPdf, Extract("%PDF-1.4\n%garbage\n"u8.ToArray(), FileTypes.Pdf).Error);
        var truncated = FileSamples.Pdf("Cut short")[..40];
        Assert.Equal(ExtractionError.BadPdf, Extract(truncated, FileTypes.Pdf).Error);
    }

    [Fact]
    public void Word_paragraphs_become_lines_and_tab_stops_are_not_text()
    {
        var result = Extract(FileSamples.Docx("First paragraph", "Segunda línea & más"), FileTypes.Docx);
        Assert.Equal("First paragraph\nSegunda línea & más", result.Text);
    }

    [Fact]
    public void Spreadsheets_give_shared_and_inline_strings()
    {
        var result = Extract(FileSamples.Xlsx(["Country", "Budget"], "Inline note"), FileTypes.Xlsx);
        Assert.Equal("Country\nBudget\nInline note", result.Text);
    }

    [Fact]
    public void Slides_are_read_in_their_order()
    {
        var slides = Enumerable.Range(1, 11).Select(i => "Slide " + i).ToArray();
        var result = Extract(FileSamples.Pptx(slides), FileTypes.Pptx);
        Assert.Equal(string.Join("\n", slides), result.Text);
    }

    [Fact]
    public void OpenDocument_text_is_read()
    {
        var odt = FileSamples.OpenDocument("application/vnd.oasis.opendocument.text", "Primer párrafo", "Deuxième paragraphe");
        Assert.Equal("Primer párrafo\nDeuxième paragraphe", Extract(odt, FileTypes.Odt).Text);
    }

    [Fact]
    public void Csv_is_read_as_utf8_and_capped()
    {
        Assert.Equal("a;b\nPolicía;Brasília", Extract(Encoding.UTF8.GetPreamble().Concat(FileSamples.Text("a;b\nPolicía;Brasília\n")).ToArray(), FileTypes.Csv).Text);
        var long_ = FileSamples.Text(string.Concat(Enumerable.Repeat("0123456789\n", 1000)));
        Assert.True(Extract(long_, FileTypes.Txt, new ExtractionLimits(MaxChars: 100)).Text!.Length <= 100);
    }

    [Fact]
    public void A_huge_part_is_read_only_up_to_the_limits()
    {
        // About 12 MB of XML that compresses to a few kilobytes.
        var docx = FileSamples.Docx(Enumerable.Repeat("The same sentence again and again.", 200_000).ToArray());
        Assert.True(docx.Length < 500_000);

        var byBytes = Extract(docx, FileTypes.Docx, new ExtractionLimits(MaxEntryBytes: 100_000));
        Assert.True(byBytes.IsOk);
        Assert.InRange(byBytes.Text!.Length, 1_000, 100_000);

        var byChars = Extract(docx, FileTypes.Docx, new ExtractionLimits(MaxChars: 5_000));
        Assert.InRange(byChars.Text!.Length, 1_000, 5_000);
    }

    [Fact]
    public void A_damaged_document_is_a_refusal_not_an_exception()
    {
        var notXml = FileSamples.Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p>"));
        Assert.Equal(ExtractionError.BadDocument, Extract(notXml, FileTypes.Docx).Error);
        var dtd = FileSamples.Zip(("word/document.xml", "<!DOCTYPE lol [<!ENTITY lol \"lol\">]><w:document xmlns:w=\"x\">&lol;</w:document>"));
        Assert.Equal(ExtractionError.BadDocument, Extract(dtd, FileTypes.Docx).Error);
        Assert.Equal(ExtractionError.BadDocument, Extract(FileSamples.Docx("x")[..100], FileTypes.Docx).Error);
    }

    [Fact]
    public void Files_without_text_give_none()
    {
        Assert.Null(Extract(FileSamples.Mp4(), FileTypes.Mp4).Text);
        Assert.Null(Extract(FileSamples.Docx(), FileTypes.Docx).Text);
        Assert.True(Extract(FileSamples.Ole(), FileTypes.Doc).IsOk);
    }
}
