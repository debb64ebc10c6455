using Hemisphere.Platform.Search;

namespace Hemisphere.Bench.Generate;

/// <summary>
/// People spread over institutions by headcount (a few without one), named, titled and described in
/// their country's language; most profiles public, some for members, a few private.
/// </summary>
public sealed class PersonFactory(Random rng, IReadOnlyList<Country> countries, IReadOnlyList<InstitutionRow> institutions, DateTime epoch)
{
    private static readonly string[] OtherLanguages = ["en", "es", "pt", "fr"];

    public List<PersonRow> Create(int count)
    {
        var byCode = countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var employers = institutions.Count > 0 ? new Weighted<InstitutionRow>(institutions, i => i.Staff) : null;
        var homes = new Weighted<Country>(countries, c => c.Profile.Weight);
        var people = new List<PersonRow>(count);
        for (var i = 0; i < count; i++)
        {
            var institution = employers is not null && rng.NextDouble() >= 0.04 ? employers.Next(rng) : null;
            var country = institution?.CountryCode is { } code ? byCode[code] : homes.Next(rng);
            people.Add(Person(institution, country));
        }
        // Rows arrive in the order they were created, as they would in a live database.
        people.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return people;
    }

    private PersonRow Person(InstitutionRow? institution, Country country)
    {
        var language = country.Code == "CA" && rng.NextDouble() < 0.25 ? "fr" : Geography.VocabularyLanguage(country.Language);
        var female = rng.NextDouble() < 0.45;
        var name = Names.FullName(rng, language, female);
        var kind = institution?.Kind;
        var title = rng.NextDouble() < 0.92 ? Work.Title(rng, kind ?? Kinds.Ngo, language, female) : null;
        var expertise = Work.Expertise(rng, kind, language);
        var created = epoch.AddMinutes(-rng.NextDouble() * 3 * 365 * 24 * 60);
        var updated = rng.NextDouble() < 0.6 ? created : created.AddMinutes(rng.NextDouble() * (epoch - created).TotalMinutes);
        var biography = rng.NextDouble() < 0.35
            ? Descriptions.Biography(language, name, institution?.Name, created.Year - rng.Next(15), expertise)
            : null;
        var visibility = rng.NextDouble() switch { < 0.85 => "Public", < 0.96 => "Members", _ => "Private" };
        return new PersonRow(
            BenchIds.Create(created, rng), name, title, institution?.Id, country.Code,
            Languages(country, language), expertise.ToArray(), biography, Email(name, institution), visibility,
            TextFolding.Fold(name, title, string.Join(' ', expertise)), created, updated);
    }

    private string[] Languages(Country country, string language)
    {
        var spoken = new List<string> { language };
        if (country.Language == "nl") spoken.Insert(0, "nl");
        foreach (var other in OtherLanguages)
            if (!spoken.Contains(other) && rng.NextDouble() < (other == "en" ? 0.45 : 0.08)) spoken.Add(other);
        return spoken.ToArray();
    }

    private string? Email(string name, InstitutionRow? institution)
    {
        if (rng.NextDouble() >= 0.65) return null;
        var words = TextFolding.Fold(name).Split(' ');
        var local = new string($"{words[0]}.{words[^1]}".Where(c => char.IsAsciiLetterLower(c) || c is '.' or '-').ToArray());
        return $"{local}@{institution?.Domain ?? "example.org"}";
    }
}
