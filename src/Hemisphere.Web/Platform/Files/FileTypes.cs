using System.IO.Compression;
using System.Text;

namespace Hemisphere.Platform.Files;

/// <summary>What a feature accepts; combine with |, e.g. <c>Document | Spreadsheet | Video</c>.</summary>
[Flags]
public enum FileCategory
{
    None = 0,
    Document = 1,
    Spreadsheet = 2,
    Presentation = 4,
    Video = 8,
    Image = 16,
    Publication = Document | Spreadsheet | Presentation,
    Any = Document | Spreadsheet | Presentation | Video | Image,
}

/// <summary>What content looks like, in words a reader understands (Files.Kind.* keys).</summary>
public enum ContentKind
{
    Unknown,
    Pdf,
    WordProcessing,
    Spreadsheet,
    Presentation,
    LegacyOffice,
    Zip,
    Video,
    Image,
    PlainText,
    Program,
}

/// <summary>A type Hemisphere accepts. <see cref="Extension"/> has no dot and is lower case.</summary>
public sealed record FileType(string Extension, string ContentType, FileCategory Category, ContentKind Kind)
{
    /// <summary>Browsers can show it safely in the page (PDF, video, images); everything else is downloaded.</summary>
    public bool Inline => Category is FileCategory.Video or FileCategory.Image || Extension == "pdf";
}

/// <summary>
/// Why a file is not accepted: Unsupported (content of no accepted type), Mismatch (the name's extension says
/// something else than the content), NoExtension (text or OLE content needs .csv/.txt or .doc/.xls),
/// NotAllowed (an accepted type, but not in the categories asked for).
/// </summary>
public enum FileProblem { None, Unsupported, Mismatch, NoExtension, NotAllowed }

/// <summary>
/// The answer of <see cref="FileTypes.Identify"/>: the type when the content, the name's extension and the
/// allowed categories agree; otherwise the problem, what the content looks like and the name's extension.
/// </summary>
public sealed record FileIdentification(FileType? Type, FileProblem Problem, ContentKind LooksLike, string NameExtension, IReadOnlyList<FileType> Candidates);

/// <summary>
/// Recognises a file by its first bytes (and, for ZIP-based formats, its entries), never by the name or
/// the Content-Type the client sent. The name's extension must agree with what the content is.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("pdf", "application/pdf", FileCategory.Document, ContentKind.Pdf);
    public static readonly FileType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileCategory.Document, ContentKind.WordProcessing);
    public static readonly FileType Odt = new("odt", "application/vnd.oasis.opendocument.text", FileCategory.Document, ContentKind.WordProcessing);
    public static readonly FileType Doc = new("doc", "application/msword", FileCategory.Document, ContentKind.LegacyOffice);
    public static readonly FileType Txt = new("txt", "text/plain; charset=utf-8", FileCategory.Document, ContentKind.PlainText);
    public static readonly FileType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileCategory.Spreadsheet, ContentKind.Spreadsheet);
    public static readonly FileType Ods = new("ods", "application/vnd.oasis.opendocument.spreadsheet", FileCategory.Spreadsheet, ContentKind.Spreadsheet);
    public static readonly FileType Xls = new("xls", "application/vnd.ms-excel", FileCategory.Spreadsheet, ContentKind.LegacyOffice);
    public static readonly FileType Csv = new("csv", "text/csv; charset=utf-8", FileCategory.Spreadsheet, ContentKind.PlainText);
    public static readonly FileType Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", FileCategory.Presentation, ContentKind.Presentation);
    public static readonly FileType Mp4 = new("mp4", "video/mp4", FileCategory.Video, ContentKind.Video);
    public static readonly FileType Webm = new("webm", "video/webm", FileCategory.Video, ContentKind.Video);
    public static readonly FileType Png = new("png", "image/png", FileCategory.Image, ContentKind.Image);
    public static readonly FileType Jpeg = new("jpg", "image/jpeg", FileCategory.Image, ContentKind.Image);
    public static readonly FileType Webp = new("webp", "image/webp", FileCategory.Image, ContentKind.Image);

    public static IReadOnlyList<FileType> All { get; } = [Pdf, Docx, Odt, Doc, Txt, Xlsx, Ods, Xls, Csv, Pptx, Mp4, Webm, Png, Jpeg, Webp];

    /// <summary>Other spellings of an extension that name the same type.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["jpeg"] = "jpg",
        ["jpe"] = "jpg",
        ["m4v"] = "mp4",
    };

    private const int HeaderLength = 64;
    private const int MaxZipEntries = 10_000;

    /// <summary>The accepted extensions of these categories, for messages: ".pdf, .docx, …".</summary>
    public static string ExtensionsOf(FileCategory allowed) =>
        string.Join(", ", All.Where(t => (t.Category & allowed) != 0).Select(t => "." + t.Extension));

    /// <summary>The accepted type with this extension (no dot, any case; jpeg → jpg), or null.</summary>
    public static FileType? ByExtension(string extension)
    {
        var ext = extension.TrimStart('.').ToLowerInvariant();
        if (Aliases.TryGetValue(ext, out var canonical)) ext = canonical;
        return All.FirstOrDefault(t => t.Extension == ext);
    }

    /// <summary>The name's extension, lower case and without the dot ("" when there is none); aliases folded (jpeg → jpg).</summary>
    public static string ExtensionOf(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        if (ext.Length <= 1) return "";
        ext = ext[1..].ToLowerInvariant();
        return Aliases.TryGetValue(ext, out var canonical) ? canonical : ext;
    }

    /// <summary>
    /// Identifies <paramref name="content"/> (seekable; read from its start, position restored) named
    /// <paramref name="fileName"/> against the <paramref name="allowed"/> categories.
    /// </summary>
    public static FileIdentification Identify(Stream content, string fileName, FileCategory allowed)
    {
        var (kind, candidates) = Sniff(content);
        var ext = ExtensionOf(fileName);
        if (candidates.Count == 0)
        {
            // A name that claims an accepted type (.pdf) over other content (a program) is a contradiction;
            // a .zip that is a ZIP archive is simply not accepted.
            var claimsAcceptedType = ByExtension(ext) is not null;
            return new(null, claimsAcceptedType && kind != ContentKind.Unknown ? FileProblem.Mismatch : FileProblem.Unsupported, kind, ext, candidates);
        }
        FileType? type;
        if (ext.Length == 0)
        {
            if (candidates.Count > 1) return new(null, FileProblem.NoExtension, kind, ext, candidates);
            type = candidates[0];
        }
        else
        {
            type = candidates.FirstOrDefault(c => c.Extension == ext);
            if (type is null) return new(null, FileProblem.Mismatch, kind, ext, candidates);
        }
        return (type.Category & allowed) == 0
            ? new(null, FileProblem.NotAllowed, kind, ext, [type])
            : new(type, FileProblem.None, kind, ext, [type]);
    }

    /// <summary>What the content is: its kind and the accepted types it can be (two for OLE and for text).</summary>
    public static (ContentKind Kind, IReadOnlyList<FileType> Candidates) Sniff(Stream content)
    {
        var start = content.Position;
        try
        {
            content.Position = 0;
            var header = new byte[HeaderLength];
            var n = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            var h = header.AsSpan(0, n);
            content.Position = 0;

            if (h.StartsWith("%PDF-"u8)) return (ContentKind.Pdf, [Pdf]);
            if (Starts(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return (ContentKind.Image, [Png]);
            if (Starts(h, [0xFF, 0xD8, 0xFF])) return (ContentKind.Image, [Jpeg]);
            if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return (ContentKind.Image, [Webp]);
            if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8) || (h.StartsWith("BM"u8) && h.Length > 14 && h[6..10].SequenceEqual(new byte[4])))
                return (ContentKind.Image, []);
            if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8))
            {
                var brand = Encoding.ASCII.GetString(h[8..12]);
                return brand is "heic" or "heix" or "hevc" or "mif1" or "msf1" or "avif" or "avis"
                    ? (ContentKind.Image, [])
                    : (ContentKind.Video, [Mp4]);
            }
            if (Starts(h, [0x1A, 0x45, 0xDF, 0xA3]))
                return h.IndexOf("webm"u8) >= 0 ? (ContentKind.Video, [Webm]) : (ContentKind.Video, []);
            if (Starts(h, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return (ContentKind.LegacyOffice, [Doc, Xls]);
            if (h.StartsWith("MZ"u8) || Starts(h, [0x7F, 0x45, 0x4C, 0x46]) || Starts(h, [0xCF, 0xFA, 0xED, 0xFE]) || h.StartsWith("#!"u8))
                return (ContentKind.Program, []);
            if (h.StartsWith("PK\u0003\u0004"u8) || h.StartsWith("PK\u0005\u0006"u8)) return SniffZip(content);
            if (n > 0 && IsUtf8Text(content)) return (ContentKind.PlainText, [Csv, Txt]);
            return (ContentKind.Unknown, []);
        }
        finally
        {
            content.Position = start;
        }
    }

    private static bool Starts(ReadOnlySpan<byte> header, ReadOnlySpan<byte> signature) => header.StartsWith(signature);

    private static (ContentKind, IReadOnlyList<FileType>) SniffZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count == 0 || entries.Count > MaxZipEntries) return (ContentKind.Zip, []);
            var first = entries[0];
            if (first.FullName == "mimetype" && first.Length is > 0 and < 200)
            {
                using var reader = new StreamReader(first.Open(), Encoding.ASCII);
                var mime = reader.ReadToEnd().Trim();
                if (mime == Odt.ContentType) return (ContentKind.WordProcessing, [Odt]);
                if (mime == Ods.ContentType) return (ContentKind.Spreadsheet, [Ods]);
                if (mime.StartsWith("application/vnd.oasis.opendocument.presentation", StringComparison.Ordinal)) return (ContentKind.Presentation, []);
                if (mime.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal)) return (ContentKind.WordProcessing, []);
            }
            var names = entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml")) return (ContentKind.WordProcessing, [Docx]);
                if (names.Contains("xl/workbook.xml")) return (ContentKind.Spreadsheet, [Xlsx]);
                if (names.Contains("ppt/presentation.xml")) return (ContentKind.Presentation, [Pptx]);
                // A main part with another name: the folder still tells which application wrote it.
                if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return (ContentKind.WordProcessing, [Docx]);
                if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return (ContentKind.Spreadsheet, [Xlsx]);
                if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))) return (ContentKind.Presentation, [Pptx]);
            }
            return (ContentKind.Zip, []);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return (ContentKind.Zip, []);
        }
    }

    /// <summary>Valid UTF-8 (a BOM is fine) with no NUL and no control characters other than tab, line ends and form feed.</summary>
    private static bool IsUtf8Text(Stream content)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                foreach (var c in chars.AsSpan(0, count))
                    if ((c < 0x20 && c is not '\t' and not '\n' and not '\r' and not '\f') || c == '\u007f') return false;
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
