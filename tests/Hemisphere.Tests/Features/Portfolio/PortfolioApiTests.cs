using System.Net;
using System.Net.Http.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Features.Portfolio;

[Collection(AppsCollection.Name)]
public sealed class PortfolioApiTests(Apps apps)
{
    private static object Activity(string name, bool published = true, string country = "HN") => new
    {
        name = new { en = name, es = "Actividad " + name },
        pillar = "Security",
        programme = "Inter-American Network for Police Development and Professionalization",
        startDate = "2015-07-01",
        endDate = "2020-07-01",
        countries = new[] { country, "GT" },
        donors = new[] { "Italy", "Banco de Desarrollo de América Latina (CAF)" },
        partners = new[] { "AMERIPOL" },
        targetBeneficiaries = new { en = "Police institutions of the 34 OAS Member States" },
        summary = new { en = "To contribute to the professional development of police institutions.", es = "Contribuir al desarrollo profesional." },
        objectives = new { en = "Train 340 officers on site & 200,000 online <with care>." },
        achievedResults = new { en = "A needs assessment was carried out." },
        links = new[] { "https://www.oas.org/dsp" },
        fundingAmount = 1250000.50m,
        fundingCurrency = "usd",
        published,
    };

    [Theory, BothProviders]
    public async Task Editors_create_activities_learners_cannot_and_drafts_stay_private(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await (await learner.PostAsJsonAsync("/api/v1/portfolio/activities", Activity("L " + tag))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().PostAsJsonAsync("/api/v1/portfolio/activities", Activity("A " + tag))).ProblemAsync(HttpStatusCode.Unauthorized);

        var created = await editor.PostAsJsonAsync("/api/v1/portfolio/activities", Activity("Published " + tag));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.JsonAsync();
        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.Equal("USD", json.GetProperty("fundingCurrency").GetString());
        Assert.Equal(["HN", "GT"], json.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ToList());
        var draft = (await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", Activity("Draft " + tag, published: false))).JsonAsync()).GetProperty("id").GetGuid();
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", Activity("Published " + tag))).ValidationProblemAsync("name");

        var anonymous = app.CreateClient();
        await (await anonymous.GetAsync($"/api/v1/portfolio/activities/{draft}")).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await anonymous.GetAsync($"/api/v1/portfolio/activities?q={tag}")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(2, (await (await editor.GetAsync($"/api/v1/portfolio/activities?q={tag}&includeUnpublished=true")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.DoesNotContain("Draft " + tag, await anonymous.GetStringAsync("/api/v1/portfolio/export.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("Draft " + tag, await anonymous.GetStringAsync("/api/v1/portfolio/export.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("Draft " + tag, await anonymous.GetStringAsync("/api/v1/portfolio/iati"), StringComparison.Ordinal);
        Assert.DoesNotContain("Draft " + tag, await anonymous.GetStringAsync("/portfolio/countries/HN"), StringComparison.Ordinal);
        Assert.Contains("Published " + tag, await anonymous.GetStringAsync("/portfolio/countries/HN"), StringComparison.Ordinal);

        // A learner cannot edit or delete.
        var id = json.GetProperty("id").GetGuid();
        await (await learner.PutAsJsonAsync($"/api/v1/portfolio/activities/{id}", Activity("Changed " + tag))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.DeleteAsync($"/api/v1/portfolio/activities/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/v1/portfolio/activities/{id}", Activity("Changed " + tag))).StatusCode);
        var audit = await (await (await app.ClientForRoleAsync(HemisphereRole.Administrator)).GetAsync($"/api/v1/audit?entityType=Activity&entityId={id}")).JsonAsync();
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Theory, BothProviders]
    public async Task An_editor_of_one_country_edits_only_that_country_s_activities(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = (await (await admin.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "Ports " + tag }, countries = new[] { "JM" }, published = true })).JsonAsync()).GetProperty("id").GetGuid();
        var costaRica = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "CR");
        var jamaica = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "JM");
        await (await costaRica.PutAsJsonAsync($"/api/v1/portfolio/activities/{id}", new { name = new { en = "Ports " + tag }, countries = new[] { "JM" } })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await jamaica.PutAsJsonAsync($"/api/v1/portfolio/activities/{id}", new { name = new { en = "Ports " + tag }, countries = new[] { "JM" } })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Bad_activity_input_names_the_field(DatabaseProvider provider)
    {
        var editor = await apps[provider].ClientForRoleAsync(HemisphereRole.Editor);
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { pillar = "Security" })).ValidationProblemAsync("name");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "X" }, countries = new[] { "ZZ" } })).ValidationProblemAsync("countries");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "X" }, startDate = "2018-01-01", endDate = "2017-01-01" })).ValidationProblemAsync("endDate");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "X" }, startDate = "31/12/2017" })).ValidationProblemAsync("startDate");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "X" }, links = new[] { "javascript:alert(1)" } })).ValidationProblemAsync("links");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "X" }, fundingAmount = 10 })).ValidationProblemAsync("fundingCurrency");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "X" }, status = "exploded" })).ValidationProblemAsync("status");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = new string('x', 501) } })).ValidationProblemAsync("name.en");
    }

    [Theory, BothProviders]
    public async Task The_IATI_file_validates_against_the_2_03_schema(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", Activity("IATI " + tag))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { fr = "Sans dates " + tag }, published = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/portfolio/activities", new { name = new { en = "Migrant smuggling " + tag }, countries = new[] { "CR", "SV", "GT" }, startDate = "2030-01-01", published = true })).StatusCode);

        var response = await app.CreateClient().GetAsync("/api/v1/portfolio/iati");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        var errors = Validate(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var doc = XDocument.Parse(xml);
        var activity = doc.Root!.Elements("iati-activity").Single(a => a.Element("title")!.Elements("narrative").Any(n => n.Value == "IATI " + tag));
        Assert.Equal("2.03", doc.Root.Attribute("version")!.Value);
        Assert.Equal(["en", "es"], activity.Element("title")!.Elements("narrative").Select(n => n.Attribute(XNamespace.Xml + "lang")!.Value).ToList());
        Assert.Equal(["HN", "GT"], activity.Elements("recipient-country").Select(c => c.Attribute("code")!.Value).ToList());
        Assert.Equal(100m, activity.Elements("recipient-country").Sum(c => decimal.Parse(c.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, activity.Elements("participating-org").Count(o => o.Attribute("role")!.Value == "1"));
        Assert.Equal("4", activity.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(["2", "4"], activity.Elements("activity-date").Select(d => d.Attribute("type")!.Value).ToList());
        var smuggling = doc.Root.Elements("iati-activity").Single(a => a.Element("title")!.Elements("narrative").Any(n => n.Value == "Migrant smuggling " + tag));
        Assert.Equal("15190", smuggling.Element("sector")!.Attribute("code")!.Value);
        Assert.Equal("1", smuggling.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(100m, smuggling.Elements("recipient-country").Sum(c => decimal.Parse(c.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory, BothProviders]
    public async Task Exports_in_CSV_and_JSON_and_the_dashboard_count_published_activities(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await editor.PostAsJsonAsync("/api/v1/portfolio/activities", Activity("Export " + tag));
        var bytes = await app.CreateClient().GetByteArrayAsync("/api/v1/portfolio/export.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // a BOM, so spreadsheet programs read UTF-8
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("id,name,pillar", csv, StringComparison.Ordinal);
        Assert.Contains("\"Train 340 officers on site & 200,000 online <with care>.\"", csv, StringComparison.Ordinal);
        var dashboard = await (await app.CreateClient().GetAsync("/api/v1/portfolio/dashboard")).JsonAsync();
        Assert.True(dashboard.GetProperty("activities").GetInt32() >= 1);
        Assert.Contains(dashboard.GetProperty("byCountry").EnumerateArray(), r => r.GetProperty("key").GetString() == "HN");
        Assert.Contains(dashboard.GetProperty("byDonor").EnumerateArray(), r => r.GetProperty("label").GetString() == "Italy");
        var page = await app.CreateClient().GetStringAsync("/portfolio/dashboard");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("<desc", page, StringComparison.Ordinal);
        Assert.Contains("Export " + tag, page, StringComparison.Ordinal); // on the timeline
    }

    [Theory, BothProviders]
    public async Task Large_exports_stream_whole_and_country_sheets_page(DatabaseProvider provider)
    {
        var app = apps[provider];
        var tag = Guid.NewGuid().ToString("N")[..6];
        var country = provider == DatabaseProvider.Sqlite ? "SR" : "GY";
        var summary = string.Concat(Enumerable.Repeat("A long programme summary with accents — acción, formação, sécurité. ", 60));
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 45; i++)
            {
                var name = $"Bulk {tag} {i:00}";
                db.Activities.Add(new Hemisphere.Features.Portfolio.Activity
                {
                    Name = LocalizedText.English(name),
                    ImportKey = Hemisphere.Platform.Search.TextFolding.Fold(name),
                    Countries = [country],
                    Published = true,
                    Summary = LocalizedText.English(summary),
                    StartDate = new DateOnly(2016, 1, 1).AddDays(i),
                });
            }
            return await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var xml = await client.GetStringAsync("/api/v1/portfolio/iati");
        Assert.True(xml.Length > 100_000, xml.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Validate(xml));
        var csv = await client.GetStringAsync("/api/v1/portfolio/export.csv");
        Assert.Contains($"Bulk {tag} 44", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);

        var page1 = await client.GetStringAsync($"/portfolio/countries/{country}?lang=en");
        Assert.Contains($"Bulk {tag} 44", page1, StringComparison.Ordinal);
        Assert.DoesNotContain($"Bulk {tag} 00", page1, StringComparison.Ordinal);
        Assert.Contains("?all=true", page1, StringComparison.Ordinal);
        var all = await client.GetStringAsync($"/portfolio/countries/{country}?all=true");
        Assert.Contains($"Bulk {tag} 00", all, StringComparison.Ordinal);
    }

    public static List<string> Validate(string xml)
    {
        var folder = Path.Combine(Repository.Shared, "schemas", "iati");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Path.Combine(folder, "iati-activities-schema.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }))
            schemas.Add(null, reader);
        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var r = XmlReader.Create(new StringReader(xml), settings);
        while (r.Read()) { }
        return errors;
    }
}
