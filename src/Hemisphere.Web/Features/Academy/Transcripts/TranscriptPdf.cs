using System.Globalization;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Platform.Localization;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace Hemisphere.Features.Academy.Transcripts;

/// <summary>
/// Writes a transcript as an A4 landscape PDF (SkiaSharp, like <see cref="CertificatePdf"/>, whose embedded font and
/// line wrapping it reuses): a heading with the learner, a table of every enrolment, the programmes completed and the
/// totals, on as many pages as it takes, in the reader's language.
/// </summary>
public sealed class TranscriptPdf(CertificatePdf certificates, IStringLocalizer<SharedResource> l)
{
    private const float Width = 842, Height = 595, Margin = 40, RowHeight = 16;

    // Column left edges and widths: course, edition, status, grade, attendance, hours, credits, certificate.
    private static readonly float[] Columns = [40, 260, 400, 480, 530, 590, 635, 710];
    private static readonly float[] Widths = [215, 135, 78, 48, 58, 43, 73, 95];

    public byte[] Render(TranscriptDto t, string language)
    {
        using var culture = CultureScope.Use(language);
        using var regular = certificates.LoadTypeface(bold: false);
        using var bold = certificates.LoadTypeface(bold: true) ?? regular;
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = l["Transcript.PdfTitle", t.LearnerName],
            Author = l["Certificates.Issuer"],
            Creator = "Hemisphere",
            Creation = t.GeneratedAt.UtcDateTime,
        }))
        {
            using var ink = new SKPaint { Color = new SKColor(0x1b, 0x2a, 0x41), IsAntialias = true };
            using var muted = new SKPaint { Color = new SKColor(0x55, 0x5f, 0x6d), IsAntialias = true };
            using var rule = new SKPaint { Color = new SKColor(0xc8, 0xcd, 0xd4), StrokeWidth = 0.5f, IsAntialias = true };
            using var small = new SKFont(regular!, 8.5f);
            using var smallBold = new SKFont(bold!, 8.5f);
            using var body = new SKFont(regular!, 11);
            using var heading = new SKFont(bold!, 20);
            using var name = new SKFont(bold!, 15);

            var page = 1;
            var canvas = document.BeginPage(Width, Height);
            var y = 56f;
            canvas.DrawText(l["Certificates.Issuer"], Margin, y, SKTextAlign.Left, body, muted);
            y += 26;
            canvas.DrawText(l["Transcript.Heading"], Margin, y, SKTextAlign.Left, heading, ink);
            y += 24;
            canvas.DrawText(t.LearnerName, Margin, y, SKTextAlign.Left, name, ink);
            y += 16;
            var who = string.Join(" · ", new[] { t.Institution, t.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
            canvas.DrawText(who, Margin, y, SKTextAlign.Left, body, muted);
            canvas.DrawText(l["Transcript.Generated", t.GeneratedAt.ToString("D", CultureInfo.CurrentCulture)], Width - Margin, y, SKTextAlign.Right, body, muted);
            y += 22;

            void Header()
            {
                string[] titles = [l["Transcript.Course"], l["Transcript.Edition"], l["Transcript.Status"], l["Transcript.Grade"], l["Transcript.Attendance"],
                    l["Transcript.Hours"], l["Transcript.Credits"], l["Transcript.Certificate"]];
                for (var i = 0; i < titles.Length; i++) canvas.DrawText(Fit(titles[i], smallBold, Widths[i]), Columns[i], y, SKTextAlign.Left, smallBold, ink);
                y += 5;
                canvas.DrawLine(Margin, y, Width - Margin, y, rule);
                y += 11;
            }

            void NewPageIfNeeded(float needed)
            {
                if (y + needed <= Height - 50) return;
                canvas.DrawText(l["Transcript.Page", page], Width - Margin, Height - 28, SKTextAlign.Right, small, muted);
                document.EndPage();
                page++;
                canvas = document.BeginPage(Width, Height);
                y = 50;
                Header();
            }

            Header();
            foreach (var c in t.Courses)
            {
                var course = CertificatePdf.Wrap(c.CourseCode + " — " + c.Course, small, Widths[0], maxLines: 2);
                NewPageIfNeeded(RowHeight * course.Count);
                string[] cells = [
                    "", c.Edition, l["Academy.Enrolment." + c.Status], Number(c.Grade), c.AttendancePercent is { } a ? a.ToString(CultureInfo.CurrentCulture) + " %" : "",
                    Number(c.Hours), c.Credits is { } cr ? Number(cr) + " " + c.CreditSystem : "", c.Certificate is { } cert ? Certificate.Display(cert.Code)[..11] + "…" : ""];
                for (var i = 0; i < course.Count; i++) canvas.DrawText(course[i], Columns[0], y + i * 11, SKTextAlign.Left, small, ink);
                for (var i = 1; i < cells.Length; i++) canvas.DrawText(Fit(cells[i], small, Widths[i]), Columns[i], y, SKTextAlign.Left, small, ink);
                y += 11 * (course.Count - 1) + 4;
                canvas.DrawLine(Margin, y, Width - Margin, y, rule);
                y += 12;
            }
            if (t.Courses.Count == 0) { canvas.DrawText(l["Transcript.None"], Margin, y, SKTextAlign.Left, body, muted); y += RowHeight; }

            if (t.Programmes.Count > 0)
            {
                NewPageIfNeeded(RowHeight * 3);
                y += 8;
                canvas.DrawText(l["Transcript.Programmes"], Margin, y, SKTextAlign.Left, body, ink);
                y += RowHeight;
                foreach (var p in t.Programmes)
                {
                    NewPageIfNeeded(RowHeight);
                    var line = l["Transcript.ProgrammeLine", p.Programme, p.CompletedAt.ToString("d", CultureInfo.CurrentCulture), Number(p.Hours)].Value
                        + (p.Credits is { } cr ? " · " + Number(cr) + " " + p.CreditSystem + (p.University is null ? "" : " (" + p.University + ")") : "")
                        + " · " + Certificate.Display(p.Certificate.Code);
                    foreach (var part in CertificatePdf.Wrap(line, small, Width - 2 * Margin, maxLines: 2)) { canvas.DrawText(part, Margin, y, SKTextAlign.Left, small, ink); y += 11; }
                    y += 4;
                }
            }

            NewPageIfNeeded(RowHeight * 2);
            y += 10;
            var totals = l["Transcript.TotalHours", Number(t.CompletedHours)].Value;
            if (t.Credits.Count > 0) totals += " · " + l["Transcript.TotalCredits", string.Join(", ", t.Credits.Select(c => Number(c.Credits) + " " + c.CreditSystem))];
            canvas.DrawText(totals, Margin, y, SKTextAlign.Left, body, ink);
            y += RowHeight;
            foreach (var part in CertificatePdf.Wrap(l["Transcript.VerifyNote"], small, Width - 2 * Margin, maxLines: 2)) { canvas.DrawText(part, Margin, y, SKTextAlign.Left, small, muted); y += 11; }
            canvas.DrawText(l["Transcript.Page", page], Width - Margin, Height - 28, SKTextAlign.Right, small, muted);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? "";

    /// <summary>The text, cut with an ellipsis to fit the column.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width) cut = cut[..^1];
        return cut + "…";
    }
}
