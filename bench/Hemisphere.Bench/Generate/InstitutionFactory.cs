using Hemisphere.Platform.Search;
using R = Hemisphere.Bench.Generate.InstitutionNames;

namespace Hemisphere.Bench.Generate;

/// <summary>
/// Institutions of every kind in each member state (a national police, customs and a few ministries
/// first, then regional units under them, ports, universities and their centres, NGOs, donors), plus
/// international bodies with no country. Parents always come before their children.
/// </summary>
public sealed class InstitutionFactory(Random rng, IReadOnlyList<Country> countries, DateTime epoch)
{
    private readonly List<InstitutionRow> _institutions = [];
    private readonly List<CertificationRow> _certifications = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public (List<InstitutionRow> Institutions, List<CertificationRow> Certifications) Create(int total)
    {
        var international = total >= 25 ? total * 4 / 100 : 0;
        foreach (var (country, count) in Weighted<Country>.Split(countries, c => c.Profile.Weight, total - international))
            AddCountry(country, count);
        AddInternational(international);
        return (_institutions, _certifications);
    }

    private void AddCountry(Country country, int count)
    {
        var made = new List<InstitutionRow>(count);
        InstitutionRow Add(string kind, string role, InstitutionRow? parent, double staff, bool official = false, Func<string>? name = null)
        {
            var row = Make(kind, role, country, parent, staff, official, name);
            made.Add(row);
            return row;
        }
        if (count == 0) return;
        var police = Add(Kinds.Police, R.NationalPolice, null, 40, official: true);
        var customs = made.Count < count ? Add(Kinds.Customs, R.NationalCustoms, null, 20, official: true) : police;
        var ministries = new List<InstitutionRow>();
        for (var i = 0; i < Math.Clamp(count / 15, 1, 4) && made.Count < count; i++)
            ministries.Add(Add(Kinds.Ministry, R.Ministry, null, 10, official: true));
        if (ministries.Count == 0) ministries.Add(police);
        var universities = new List<InstitutionRow>();
        while (made.Count < count)
        {
            var roll = rng.NextDouble();
            if (roll < 0.22) Add(Kinds.Police, R.PoliceUnit, police, 6);
            else if (roll < 0.32) Add(Kinds.Customs, R.CustomsUnit, customs, 4);
            else if (roll < 0.42) Add(Kinds.Ministry, R.MinistryUnit, ministries[rng.Next(ministries.Count)], 4);
            else if (roll < 0.48) Add(Kinds.PortAuthority, R.Port, null, 4);
            else if (roll < 0.68 || universities.Count == 0) universities.Add(Add(Kinds.University, R.University, null, 6, official: true));
            else if (roll < 0.76)
            {
                var university = universities[rng.Next(universities.Count)];
                Add(Kinds.University, R.UniversityCentre, university, 2, name: () => $"{R.Pick(rng, R.UniversityCentre, country.Language, country)}, {university.Name}");
            }
            else if (roll < 0.97) Add(Kinds.Ngo, R.Ngo, null, 1.5);
            else Add(Kinds.DonorAgency, R.Donor, null, 2, official: true);
        }
    }

    private void AddInternational(int count)
    {
        var organisations = new List<InstitutionRow>();
        for (var made = 0; made < count; made++)
        {
            var roll = rng.NextDouble();
            if (roll < 0.2 && organisations.Count > 0)
            {
                var parent = organisations[rng.Next(organisations.Count)];
                Make(Kinds.InternationalOrganisation, R.Office, null, parent, 2, false, () => $"{parent.Name}, {R.Pick(rng, R.Office, "en", null)}");
            }
            else if (roll < 0.65) organisations.Add(Make(Kinds.InternationalOrganisation, Kinds.InternationalOrganisation, null, null, 8, true, null));
            else if (roll < 0.85) Make(Kinds.DonorAgency, Kinds.DonorAgency, null, null, 3, true, null);
            else Make(Kinds.Ngo, Kinds.Ngo, null, null, 1.5, true, null);
        }
    }

    private InstitutionRow Make(string kind, string role, Country? country, InstitutionRow? parent, double staff, bool official, Func<string>? draw)
    {
        var language = country is null ? "en" : Geography.VocabularyLanguage(country.Language);
        var name = UniqueName(draw ?? (() => R.Pick(rng, role, language, country)), language);
        var acronym = official || rng.NextDouble() < 0.25 ? Acronyms.Of(name) : null;
        var domain = parent?.Domain ?? Acronyms.Domain(name, acronym, kind, country?.Code, language);
        var created = parent is null
            ? epoch.AddDays(-365 * 4 + rng.Next(365))
            : parent.CreatedAt.AddDays(1 + rng.Next(300)).AddMinutes(rng.Next(24 * 60));
        var updated = rng.NextDouble() < 0.5 ? created : created.AddDays(rng.NextDouble() * (epoch - created).TotalDays);
        var fields = Work.Expertise(rng, kind, language);
        var row = new InstitutionRow(
            BenchIds.Create(created, rng), name, acronym, kind, country?.Code, parent?.Id,
            rng.NextDouble() < 0.8 ? "https://www." + domain : null,
            rng.NextDouble() < 0.5 ? Descriptions.Institution(language, country, fields) : null,
            TextFolding.Fold(name, acronym), created, updated)
        {
            Language = language,
            Staff = staff,
            Domain = domain,
        };
        _institutions.Add(row);
        _certifications.AddRange(Certifications.For(rng, row, epoch));
        return row;
    }

    /// <summary>Draws again a few times on a clash; after that numbers the name ("… N.º 2").</summary>
    private string UniqueName(Func<string> draw, string language)
    {
        var name = draw();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            if (_names.Add(name)) return name;
            name = draw();
        }
        for (var n = 2; ; n++)
        {
            var numbered = R.Number(name, language, n);
            if (_names.Add(numbered)) return numbered;
        }
    }
}
