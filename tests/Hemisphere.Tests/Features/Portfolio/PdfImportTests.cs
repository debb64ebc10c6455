using System.Net;
using System.Net.Http.Headers;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Hemisphere.Tests.Features.Portfolio;

[Collection(AppsCollection.Name)]
public sealed class PdfImportTests(Apps apps)
{
    /// <summary>A PDF of the sheet's lines, 55 to a page, as a word processor would print it.</summary>
    private static byte[] PdfOf(IEnumerable<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var chunk in lines.Chunk(55))
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.Letter);
            var y = 750.0;
            foreach (var line in chunk)
            {
                var text = new string(line.Where(c => c < 256).ToArray());
                if (text.Trim().Length > 0) page.AddText(text, 9, new UglyToad.PdfPig.Core.PdfPoint(40, y), font);
                y -= 13;
            }
        }
        return builder.Build();
    }

    [Theory, BothProviders]
    public async Task A_sheet_printed_to_PDF_previews_the_same_activities(DatabaseProvider provider)
    {
        var editor = await apps[provider].ClientForRoleAsync(HemisphereRole.Editor);
        var text = await System.IO.File.ReadAllLinesAsync(System.IO.Directory.GetFiles(Path.Combine(Repository.Shared, "seeds"), "004_*.txt").Single());
        var pdf = PdfOf(text.Select(l => l.Replace('\u2019', '\'').Replace('\u201c', '"').Replace('\u201d', '"')));
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await editor.PostAsync("/api/v1/portfolio/import/preview?country=CR", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = (await response.JsonAsync()).GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Contains("Tourism Security Plan", names);
        Assert.Contains("Port Evaluations and Assessments", names);
    }
}
