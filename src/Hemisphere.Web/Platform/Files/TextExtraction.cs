using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Hemisphere.Platform.Files;

/// <summary>How far extraction goes: it stops (keeping what it has) at any of these.</summary>
public sealed record ExtractionLimits(int MaxChars = 200_000, int MaxEntries = 1_000, long MaxEntryBytes = 32 * 1024 * 1024, int MaxPages = 5_000)
{
    public static ExtractionLimits Default { get; } = new();
}

public enum ExtractionError { None, BadPdf, BadDocument }

/// <summary>The plain text of a file (null when it has none), or why it cannot be read.</summary>
public sealed record ExtractionResult(string? Text, ExtractionError Error)
{
    public bool IsOk => Error == ExtractionError.None;
    public static ExtractionResult Ok(string? text) => new(string.IsNullOrWhiteSpace(text) ? null : text, ExtractionError.None);
}

/// <summary>
/// Plain text from PDF (PdfPig), from Office Open XML and OpenDocument files (their XML parts, read with
/// XmlReader) and from UTF-8 text. Never throws on damaged input: it answers an <see cref="ExtractionError"/>.
/// Bounded by <see cref="ExtractionLimits"/>, so that a ZIP bomb or a 10,000-page PDF costs little.
/// </summary>
public static class TextExtraction
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OdfTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private static readonly XmlRules Word = new(WordNs, ["t"], ["p"], ["tab"], ["br", "cr"], []);
    private static readonly XmlRules Slide = new(DrawingNs, ["t"], ["p"], [], ["br"], []);
    private static readonly XmlRules SharedStrings = new(SheetNs, ["t"], ["si"], [], [], []);
    private static readonly XmlRules Worksheet = new(SheetNs, ["t"], ["row"], [], [], []);
    private static readonly XmlRules OpenDocument = new(OdfTextNs, null, ["p", "h"], ["tab"], ["line-break"], ["s"]);

    /// <summary>Text of <paramref name="content"/> (seekable) of the given type; types without text (video, images, .doc/.xls) answer null text.</summary>
    public static ExtractionResult Extract(Stream content, FileType type, ExtractionLimits? limits = null)
    {
        limits ??= ExtractionLimits.Default;
        return type.Extension switch
        {
            "pdf" => FromPdf(content, limits),
            "docx" => FromZip(content, limits, zip => [(zip.GetEntry("word/document.xml"), Word)]),
            "pptx" => FromZip(content, limits, zip => Numbered(zip, "ppt/slides/slide").Select(e => ((ZipArchiveEntry?)e, Slide))),
            "xlsx" => FromZip(content, limits, zip => new[] { (zip.GetEntry("xl/sharedStrings.xml"), SharedStrings) }
                .Concat(Numbered(zip, "xl/worksheets/sheet").Select(e => ((ZipArchiveEntry?)e, Worksheet)))),
            "odt" or "ods" => FromZip(content, limits, zip => [(zip.GetEntry("content.xml"), OpenDocument)]),
            "csv" or "txt" => FromText(content, limits),
            _ => ExtractionResult.Ok(null),
        };
    }

    public static ExtractionResult FromPdf(Stream content, ExtractionLimits limits)
    {
        PdfDocument pdf;
        try
        {
            content.Position = 0;
            pdf = PdfDocument.Open(content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(null, ExtractionError.BadPdf);
        }
        using (pdf)
        {
            var sb = new StringBuilder();
            var pages = 0;
            try
            {
                var count = pdf.NumberOfPages;
                for (var i = 1; i <= count && pages < limits.MaxPages && sb.Length < limits.MaxChars; i++, pages++)
                {
                    try
                    {
                        sb.AppendLine(ContentOrderTextExtractor.GetText(pdf.GetPage(i)));
                        sb.AppendLine();
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // One damaged page does not lose the text of the others.
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new(null, ExtractionError.BadPdf);
            }
            return ExtractionResult.Ok(Clean(sb, limits.MaxChars));
        }
    }

    private static ExtractionResult FromText(Stream content, ExtractionLimits limits)
    {
        content.Position = 0;
        using var reader = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var buffer = new char[Math.Min(limits.MaxChars, 1 << 20)];
        var sb = new StringBuilder();
        int n;
        while (sb.Length < limits.MaxChars && (n = reader.Read(buffer, 0, Math.Min(buffer.Length, limits.MaxChars - sb.Length))) > 0)
            sb.Append(buffer, 0, n);
        return ExtractionResult.Ok(Clean(sb, limits.MaxChars));
    }

    private static IEnumerable<ZipArchiveEntry> Numbered(ZipArchive zip, string prefix) =>
        zip.Entries
            .Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => (Entry: e, Number: int.TryParse(e.FullName.AsSpan(prefix.Length, e.FullName.Length - prefix.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(x => x.Number >= 0)
            .OrderBy(x => x.Number)
            .Select(x => x.Entry);

    private static ExtractionResult FromZip(Stream content, ExtractionLimits limits, Func<ZipArchive, IEnumerable<(ZipArchiveEntry? Entry, XmlRules Rules)>> parts)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var sb = new StringBuilder();
            var read = 0;
            foreach (var (entry, rules) in parts(zip))
            {
                if (entry is null) continue;
                if (read++ >= limits.MaxEntries || sb.Length >= limits.MaxChars) break;
                ReadXml(entry, rules, sb, limits);
            }
            return ExtractionResult.Ok(Clean(sb, limits.MaxChars));
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            return new(null, ExtractionError.BadDocument);
        }
    }

    private sealed record XmlRules(string Ns, string[]? TextElements, string[] Paragraphs, string[] Tabs, string[] Breaks, string[] Spaces);

    private static void ReadXml(ZipArchiveEntry entry, XmlRules rules, StringBuilder sb, ExtractionLimits limits)
    {
        using var limited = new LimitedStream(entry.Open(), limits.MaxEntryBytes);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(limited, settings);
        var inText = 0;
        try
        {
            while (sb.Length < limits.MaxChars && xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element when xml.NamespaceURI == rules.Ns:
                        if (rules.TextElements?.Contains(xml.LocalName) == true && !xml.IsEmptyElement) inText++;
                        else if (rules.Tabs.Contains(xml.LocalName) && xml.GetAttribute("pos", rules.Ns) is null) sb.Append('\t'); // w:tab with w:pos is a tab stop, not a tab
                        else if (rules.Breaks.Contains(xml.LocalName)) sb.Append('\n');
                        else if (rules.Spaces.Contains(xml.LocalName)) sb.Append(' ');
                        else if (rules.Paragraphs.Contains(xml.LocalName) && xml.IsEmptyElement) sb.Append('\n');
                        break;
                    case XmlNodeType.EndElement when xml.NamespaceURI == rules.Ns:
                        if (rules.TextElements?.Contains(xml.LocalName) == true) inText = Math.Max(0, inText - 1);
                        else if (rules.Paragraphs.Contains(xml.LocalName)) sb.Append('\n');
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        if (rules.TextElements is null ? xml.NodeType is not XmlNodeType.Whitespace : inText > 0) sb.Append(xml.Value);
                        break;
                }
            }
        }
        catch (XmlException) when (limited.Exhausted)
        {
            // The part is larger than the limit: keep the text read so far.
        }
    }

    /// <summary>Drops control characters (PostgreSQL text cannot hold NUL), trims line ends and blank runs, caps the length.</summary>
    private static string Clean(StringBuilder sb, int maxChars)
    {
        var result = new StringBuilder(Math.Min(sb.Length, maxChars));
        var blankLines = 0;
        foreach (var rawLine in sb.ToString().Split('\n'))
        {
            var line = new string(rawLine.Where(c => !char.IsControl(c) || c == '\t').ToArray()).TrimEnd();
            if (line.Length == 0)
            {
                if (result.Length == 0 || ++blankLines > 1) continue;
            }
            else blankLines = 0;
            result.Append(line).Append('\n');
            if (result.Length >= maxChars) break;
        }
        var text = result.ToString().Trim();
        if (text.Length > maxChars) text = text[..maxChars];
        if (text.Length > 0 && char.IsHighSurrogate(text[^1])) text = text[..^1];
        return text;
    }

    /// <summary>Reads at most <c>limit</c> bytes of the inner stream, then reports its end.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public bool Exhausted { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= limit)
            {
                Exhausted = true;
                return 0;
            }
            var n = inner.Read(buffer, offset, (int)Math.Min(count, limit - _read));
            _read += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
