using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Hemisphere.Tests.Platform.Files;

/// <summary>Small but real files of each kind, built in memory.</summary>
internal static class FileSamples
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string P = "http://schemas.openxmlformats.org/presentationml/2006/main";

    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new UglyToad.PdfPig.Core.PdfPoint(50, y), font);
            y -= 16;
        }
        return builder.Build();
    }

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return ms.ToArray();
    }

    private const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""";

    public static string WordXml(params string[] paragraphs) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>"""
        + string.Concat(paragraphs.Select(p => $"<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(p)}</w:t></w:r></w:p>"))
        + "</w:body></w:document>";

    public static byte[] Docx(params string[] paragraphs) =>
        Zip(("[Content_Types].xml", ContentTypes), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", WordXml(paragraphs)));

    public static byte[] Xlsx(string[] shared, string inline) => Zip(
        ("[Content_Types].xml", ContentTypes),
        ("xl/workbook.xml", $"""<workbook xmlns="{S}"><sheets><sheet name="One" sheetId="1"/></sheets></workbook>"""),
        ("xl/sharedStrings.xml", $"""<sst xmlns="{S}">""" + string.Concat(shared.Select(s => $"<si><t>{s}</t></si>")) + "</sst>"),
        ("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{S}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>{inline}</t></is></c><c r="C1"><v>42</v></c></row></sheetData></worksheet>"""));

    public static byte[] Pptx(params string[] slides) => Zip(
        [("[Content_Types].xml", ContentTypes),
         ("ppt/presentation.xml", $"""<p:presentation xmlns:p="{P}"/>"""),
         .. slides.Select((text, i) => ($"ppt/slides/slide{i + 1}.xml", $"""<p:sld xmlns:p="{P}" xmlns:a="{A}"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"""))]);

    public static byte[] OpenDocument(string mimetype, params string[] paragraphs) => Zip(
        ("mimetype", mimetype),
        ("META-INF/manifest.xml", "<manifest/>"),
        ("content.xml", """<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>"""
            + string.Concat(paragraphs.Select(p => $"<text:p>{p}</text:p>")) + "</office:text></office:body></office:document-content>"));

    public static byte[] Mp4(int length = 256)
    {
        var bytes = new byte[length];
        byte[] header = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isommp41"u8, 0, 0, 0, 8, .. "free"u8];
        header.CopyTo(bytes, 0);
        for (var i = header.Length; i < length; i++) bytes[i] = (byte)(i * 7);
        return bytes;
    }

    public static byte[] Webm() =>
        [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08,
         0x42, 0x82, 0x84, .. "webm"u8, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02, 0x18, 0x53, 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    public static byte[] Webp() => [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8L"u8, 0x0D, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0];

    public static byte[] Ole() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    /// <summary>The start of a Windows program.</summary>
    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode."u8];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
