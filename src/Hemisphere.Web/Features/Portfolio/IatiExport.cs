using System.Globalization;
using System.Xml;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;

namespace Hemisphere.Features.Portfolio;

public sealed class IatiOptions
{
    /// <summary>The reporting organisation's IATI identifier; set it to the one the OAS registers.</summary>
    public string OrganisationRef { get; set; } = "XI-IATI-OAS";
    public string OrganisationName { get; set; } = "Organization of American States (OAS) — Department of Public Security";
    /// <summary>IATI OrganisationType code: 40 = multilateral.</summary>
    public string OrganisationType { get; set; } = "40";
}

/// <summary>
/// Writes published activities as an IATI 2.03 activities file. Element order follows the
/// schema's sequence. Codes: ActivityStatus (2 implementation, 4 closed, 1 pipeline),
/// ActivityDateType (1/2 planned/actual start, 3/4 planned/actual end), OrganisationRole
/// (1 funding, 4 implementing), DAC 5-digit sectors (vocabulary 1).
/// </summary>
public static class IatiExport
{
    public const string Version = "2.03";

    public static void Write(XmlWriter w, IEnumerable<Activity> activities, IatiOptions o, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        w.WriteStartDocument();
        w.WriteStartElement("iati-activities");
        w.WriteAttributeString("version", Version);
        w.WriteAttributeString("generated-datetime", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        foreach (var a in activities)
        {
            w.WriteStartElement("iati-activity");
            w.WriteAttributeString("last-updated-datetime", a.UpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteAttributeString("xml", "lang", null, a.Name.Languages().FirstOrDefault() ?? "en");
            if (a.FundingCurrency is { } currency) w.WriteAttributeString("default-currency", currency);

            w.WriteElementString("iati-identifier", $"{o.OrganisationRef}-{a.Id:N}");
            w.WriteStartElement("reporting-org");
            w.WriteAttributeString("ref", o.OrganisationRef);
            w.WriteAttributeString("type", o.OrganisationType);
            Narrative(w, "en", o.OrganisationName);
            w.WriteEndElement();

            w.WriteStartElement("title");
            Narratives(w, a.Name);
            w.WriteEndElement();

            Description(w, "1", a.Summary.IsEmpty ? a.Name : a.Summary);
            if (!a.Objectives.IsEmpty) Description(w, "2", a.Objectives);
            if (!a.TargetBeneficiaries.IsEmpty) Description(w, "3", a.TargetBeneficiaries);

            foreach (var donor in a.Donors) Organisation(w, "1", donor, null, null);
            Organisation(w, "4", o.OrganisationName, o.OrganisationRef, o.OrganisationType);
            foreach (var partner in a.Partners) Organisation(w, "4", partner, null, null);

            w.WriteStartElement("activity-status");
            w.WriteAttributeString("code", a.StatusOn(today) switch { ActivityStatus.Planned => "1", ActivityStatus.Ongoing => "2", _ => "4" });
            w.WriteEndElement();

            // The schema needs at least one date; an activity without any gives the day it was recorded as its planned start.
            var start = a.StartDate ?? (a.EndDate is null ? DateOnly.FromDateTime(a.CreatedAt.UtcDateTime) : null);
            if (start is { } s) Date(w, s <= today && a.StartDate is not null ? "2" : "1", s);
            if (a.EndDate is { } e) Date(w, e < today ? "4" : "3", e);

            if (a.Countries.Count > 0)
            {
                var shares = Shares(a.Countries.Count);
                for (var i = 0; i < a.Countries.Count; i++)
                {
                    w.WriteStartElement("recipient-country");
                    w.WriteAttributeString("code", a.Countries[i]);
                    w.WriteAttributeString("percentage", shares[i].ToString("0.##", CultureInfo.InvariantCulture));
                    w.WriteEndElement();
                }
            }

            w.WriteStartElement("sector");
            w.WriteAttributeString("vocabulary", "1");
            w.WriteAttributeString("code", SectorOf(a));
            w.WriteAttributeString("percentage", "100");
            w.WriteEndElement();

            if (a.FundingAmount is { } amount && a.FundingCurrency is not null && a.StartDate is { } bs && a.EndDate is { } be)
            {
                w.WriteStartElement("budget");
                w.WriteAttributeString("type", "1");
                w.WriteAttributeString("status", "2");
                w.WriteStartElement("period-start"); w.WriteAttributeString("iso-date", Iso(bs)); w.WriteEndElement();
                w.WriteStartElement("period-end"); w.WriteAttributeString("iso-date", Iso(be)); w.WriteEndElement();
                w.WriteStartElement("value");
                w.WriteAttributeString("currency", a.FundingCurrency);
                w.WriteAttributeString("value-date", Iso(bs));
                w.WriteString(amount.ToString("0.##", CultureInfo.InvariantCulture));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            foreach (var link in a.Links)
            {
                w.WriteStartElement("document-link");
                w.WriteAttributeString("url", link);
                w.WriteAttributeString("format", "text/html");
                w.WriteStartElement("title");
                Narrative(w, "en", link);
                w.WriteEndElement();
                w.WriteStartElement("category");
                w.WriteAttributeString("code", "A12");
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>Migration and trafficking work is DAC 15190; the rest of the DPS portfolio is security-system work, 15210.</summary>
    public static string SectorOf(Activity a)
    {
        var text = TextFolding.Fold(a.Name.En, a.Summary.En, a.Pillar);
        string[] migration = ["migra", "traffick", "smuggl", "trata", "trafico"];
        return migration.Any(m => text.Contains(m, StringComparison.Ordinal)) ? "15190" : "15210";
    }

    /// <summary>Equal shares that add up to exactly 100 with two decimals.</summary>
    public static decimal[] Shares(int n)
    {
        var each = Math.Floor(10000m / n) / 100m;
        var shares = Enumerable.Repeat(each, n).ToArray();
        shares[^1] = 100m - each * (n - 1);
        return shares;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Date(XmlWriter w, string type, DateOnly d)
    {
        w.WriteStartElement("activity-date");
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("iso-date", Iso(d));
        w.WriteEndElement();
    }

    private static void Description(XmlWriter w, string type, LocalizedText text)
    {
        w.WriteStartElement("description");
        w.WriteAttributeString("type", type);
        Narratives(w, text);
        w.WriteEndElement();
    }

    private static void Organisation(XmlWriter w, string role, string name, string? reference, string? type)
    {
        w.WriteStartElement("participating-org");
        if (reference is not null) w.WriteAttributeString("ref", reference);
        if (type is not null) w.WriteAttributeString("type", type);
        w.WriteAttributeString("role", role);
        Narrative(w, "en", name);
        w.WriteEndElement();
    }

    private static void Narratives(XmlWriter w, LocalizedText text)
    {
        foreach (var lang in text.Languages()) Narrative(w, lang, text.Exactly(lang)!);
    }

    private static void Narrative(XmlWriter w, string lang, string value)
    {
        w.WriteStartElement("narrative");
        w.WriteAttributeString("xml", "lang", null, lang);
        w.WriteString(value);
        w.WriteEndElement();
    }
}
