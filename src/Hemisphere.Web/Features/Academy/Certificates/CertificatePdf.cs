using System.Globalization;
using Hemisphere.Platform.Localization;
using Microsoft.Extensions.Localization;
using QRCoder;
using SkiaSharp;

namespace Hemisphere.Features.Academy.Certificates;

/// <summary>
/// Writes a certificate as a one-page A4 landscape PDF with SkiaSharp's PDF backend (MIT), in the certificate's
/// language, from the facts stored at issue: the PDF is rendered on each request and never stored, so a
/// revocation or a reissue shows at once and there is no file to keep in step. A DejaVu TrueType font (which
/// covers the accents of Spanish, Portuguese and French) is embedded; the QR code is drawn as vector squares
/// and opens the public verification page.
/// </summary>
public sealed class CertificatePdf(IStringLocalizer<SharedResource> l, IConfiguration config)
{
    private static readonly string[] DefaultFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    private const float Width = 842, Height = 595; // A4 landscape, in points

    /// <summary>The PDF bytes; <paramref name="verificationUrl"/> is the absolute address the QR code carries.</summary>
    public byte[] Render(Certificate c, string verificationUrl, string? newerCode = null)
    {
        using var culture = CultureScope.Use(c.Language);
        using var regular = LoadTypeface(bold: false);
        using var bold = LoadTypeface(bold: true) ?? regular;
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = l["Certificates.PdfTitle", c.HolderName],
            Author = l["Certificates.Issuer"],
            Creator = "Hemisphere",
            Creation = c.IssuedAt.UtcDateTime,
        }))
        {
            var canvas = document.BeginPage(Width, Height);
            Draw(canvas, c, regular!, bold!, verificationUrl, newerCode);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>The embedded font (the transcript's PDF uses it too); null for a bold face when there is none.</summary>
    internal SKTypeface? LoadTypeface(bool bold)
    {
        var configured = config.GetSection("Academy:Certificates:Fonts").Get<string[]>() ?? [];
        foreach (var path in configured.Concat(DefaultFonts))
        {
            var candidate = bold ? BoldVariant(path) : path;
            if (candidate is not null && File.Exists(candidate) && SKTypeface.FromFile(candidate) is { } face) return face;
        }
        if (bold) return null;
        throw new InvalidOperationException("No TrueType font for certificates: install fonts-dejavu-core or set Academy:Certificates:Fonts.");
    }

    private static string? BoldVariant(string path) =>
        path.EndsWith("DejaVuSans.ttf", StringComparison.Ordinal) ? path.Replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", StringComparison.Ordinal)
        : path.EndsWith("-Regular.ttf", StringComparison.Ordinal) ? path.Replace("-Regular.ttf", "-Bold.ttf", StringComparison.Ordinal)
        : null;

    private void Draw(SKCanvas canvas, Certificate c, SKTypeface regular, SKTypeface bold, string verificationUrl, string? newerCode)
    {
        using var ink = new SKPaint { Color = new SKColor(0x1b, 0x2a, 0x41), IsAntialias = true };
        using var muted = new SKPaint { Color = new SKColor(0x55, 0x5f, 0x6d), IsAntialias = true };
        using var alert = new SKPaint { Color = new SKColor(0xb0, 0x00, 0x20), IsAntialias = true };
        using var frame = new SKPaint { Color = new SKColor(0x1b, 0x2a, 0x41), IsStroke = true, StrokeWidth = 2, IsAntialias = true };
        canvas.DrawRect(new SKRect(24, 24, Width - 24, Height - 24), frame);
        canvas.DrawRect(new SKRect(30, 30, Width - 30, Height - 30), frame);

        using var small = new SKFont(regular, 11);
        using var body = new SKFont(regular, 14);
        using var heading = new SKFont(bold, 26);
        using var name = new SKFont(bold, 30);
        using var title = new SKFont(bold, 18);
        var centre = Width / 2;
        var y = 80f;
        canvas.DrawText(l["Certificates.Issuer"], centre, y, SKTextAlign.Center, body, muted);
        y += 40;
        canvas.DrawText(l["Certificates.PdfHeading"], centre, y, SKTextAlign.Center, heading, ink);
        y += 34;
        canvas.DrawText(l["Certificates.PdfCertifies"], centre, y, SKTextAlign.Center, body, muted);
        y += 42;
        foreach (var line in Wrap(c.HolderName, name, Width - 160)) { canvas.DrawText(line, centre, y, SKTextAlign.Center, name, ink); y += 36; }
        y += 4;
        canvas.DrawText(c.IsProgramme ? l["Certificates.PdfCompletedProgramme"] : l["Certificates.PdfCompleted"], centre, y, SKTextAlign.Center, body, muted);
        y += 30;
        foreach (var line in Wrap(c.CourseTitle, title, Width - 160)) { canvas.DrawText(line, centre, y, SKTextAlign.Center, title, ink); y += 24; }
        y += 10;

        var facts = new List<string> { l["Certificates.PdfHours", c.Hours.ToString("0.##", CultureInfo.CurrentCulture)] };
        if (c.Grade is { } grade) facts.Add(l["Certificates.PdfGrade", grade.ToString("0.##", CultureInfo.CurrentCulture)]);
        canvas.DrawText(string.Join("  ·  ", facts), centre, y, SKTextAlign.Center, body, ink);
        y += 22;
        if (!c.IsProgramme) foreach (var line in Wrap(EditionLine(c), body, Width - 160)) { canvas.DrawText(line, centre, y, SKTextAlign.Center, body, ink); y += 20; }
        canvas.DrawText(l["Certificates.PdfIssued", c.IssuedAt.ToString("D", CultureInfo.CurrentCulture)], centre, y, SKTextAlign.Center, body, ink);
        y += 20;
        if (c.AccreditingUniversity is { } university)
        {
            var credits = l["Certificates.PdfAccreditation", university, (c.Credits ?? 0).ToString("0.##", CultureInfo.CurrentCulture), c.CreditSystem ?? "", c.AgreementReference ?? ""];
            foreach (var line in Wrap(credits, body, Width - 160)) { canvas.DrawText(line, centre, y, SKTextAlign.Center, body, ink); y += 20; }
        }
        if (c.IsRevoked) canvas.DrawText(l["Certificates.PdfRevoked", c.RevokedAt!.Value.ToString("D", CultureInfo.CurrentCulture)], centre, y + 6, SKTextAlign.Center, title, alert);
        else if (c.IsSuperseded) canvas.DrawText(l["Certificates.PdfSuperseded", newerCode is null ? "" : Certificate.Display(newerCode)], centre, y + 6, SKTextAlign.Center, title, alert);

        // Signatories along the bottom left, the QR code and the code on the right.
        var signatories = c.Signatories.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var x = 70f;
        foreach (var s in signatories.Take(3))
        {
            using var rule = new SKPaint { Color = muted.Color, StrokeWidth = 1, IsAntialias = true };
            canvas.DrawLine(x, Height - 110, x + 190, Height - 110, rule);
            var comma = s.IndexOf(',', StringComparison.Ordinal);
            var who = comma > 0 ? s[..comma].Trim() : s;
            var role = comma > 0 ? s[(comma + 1)..].Trim() : "";
            canvas.DrawText(who, x, Height - 94, SKTextAlign.Left, body, ink);
            if (role.Length > 0) canvas.DrawText(role, x, Height - 78, SKTextAlign.Left, small, muted);
            x += 215;
        }

        const float qrSize = 100;
        DrawQr(canvas, verificationUrl, Width - 70 - qrSize, Height - 90 - qrSize, qrSize, ink);
        canvas.DrawText(l["Certificates.PdfCode", Certificate.Display(c.Code)], Width - 70, Height - 74, SKTextAlign.Right, small, ink);
        canvas.DrawText(verificationUrl, Width - 70, Height - 60, SKTextAlign.Right, small, muted);
    }

    private string EditionLine(Certificate c)
    {
        var dates = c.EditionStartsOn is { } from
            ? c.EditionEndsOn is { } to && to != from
                ? l["Certificates.DateRange", from.ToString("D", CultureInfo.CurrentCulture), to.ToString("D", CultureInfo.CurrentCulture)].Value
                : from.ToString("D", CultureInfo.CurrentCulture)
            : null;
        var venue = c.EditionVenue ?? c.EditionName;
        return c.EditionMode == EditionMode.OnSite
            ? dates is null ? venue : l["Certificates.EditionOnSite", venue, dates]
            : dates is null ? l["Certificates.EditionVirtual"] : l["Certificates.EditionVirtualDates", dates];
    }

    private static void DrawQr(SKCanvas canvas, string text, float left, float top, float size, SKPaint paint)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var cell = size / modules;
        for (var row = 0; row < modules; row++)
            for (var col = 0; col < modules; col++)
                if (matrix[row][col]) canvas.DrawRect(left + col * cell, top + row * cell, cell + 0.01f, cell + 0.01f, paint);
    }

    /// <summary>Up to three lines of at most <paramref name="width"/> points, broken between words.</summary>
    internal static List<string> Wrap(string text, SKFont font, float width, int maxLines = 3)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && font.MeasureText(candidate) > width) { lines.Add(current); current = word; }
            else current = candidate;
        }
        if (current.Length > 0) lines.Add(current);
        return lines.Take(maxLines).ToList();
    }
}
