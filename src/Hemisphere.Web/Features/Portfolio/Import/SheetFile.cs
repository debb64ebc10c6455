using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>Turns an uploaded sheet (text or PDF) into text, or says in a key why it cannot.</summary>
public static class SheetFile
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static (string? Text, string? ErrorKey) Read(byte[] bytes)
    {
        if (bytes.Length == 0) return (null, "Portfolio.Import.Empty");
        if (bytes.Length > MaxBytes) return (null, "Portfolio.Import.TooLarge");
        if (bytes.AsSpan().StartsWith("%PDF-"u8)) return ReadPdf(bytes);
        // Text: UTF-8 (with or without BOM), else Latin-1; a NUL byte means it is not text at all.
        if (bytes.Contains((byte)0)) return (null, "Portfolio.Import.NotText");
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            var latin = Encoding.Latin1.GetString(bytes);
            return latin.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f')
                ? (null, "Portfolio.Import.NotText")
                : (latin, null);
        }
    }

    private static (string? Text, string? ErrorKey) ReadPdf(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var sb = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                sb.AppendLine(ContentOrderTextExtractor.GetText(page));
                sb.AppendLine();
            }
            var text = sb.ToString();
            return string.IsNullOrWhiteSpace(text) ? (null, "Portfolio.Import.PdfWithoutText") : (text, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, "Portfolio.Import.BadPdf");
        }
    }
}
