namespace Hemisphere.Bench.Generate;

/// <summary>Short texts: an institution's description, a person's biography.</summary>
public static class Descriptions
{
    private static string Join(IReadOnlyList<string> items, string language)
    {
        if (items.Count == 1) return items[0];
        var and = language switch { "es" => "y", "pt" => "e", "fr" => "et", _ => "and" };
        return $"{string.Join(", ", items.Take(items.Count - 1))} {and} {items[^1]}";
    }

    public static string Institution(string language, Country? country, IReadOnlyList<string> fields)
    {
        var work = Join(fields.Take(2).ToList(), language);
        if (country is null) return $"Works across the Americas on {work}.";
        return language switch
        {
            "es" => $"Institución de {country.NameEs} dedicada a {work}.",
            "pt" => $"Instituição do {country.NamePt} dedicada a {work}.",
            "fr" => $"Institution d'{country.NameFr} consacrée à {work}.",
            _ => $"An institution of {country.NameEn} working on {work}.",
        };
    }

    public static string Biography(string language, string name, string? institution, int since, IReadOnlyList<string> fields)
    {
        var work = Join(fields, language);
        var year = since.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (language, institution) switch
        {
            ("es", null) => $"Consultoría independiente en {work} desde {year}.",
            ("es", _) => $"{name} trabaja en {institution} desde {year}. Se especializa en {work}.",
            ("pt", null) => $"Consultoria independente em {work} desde {year}.",
            ("pt", _) => $"{name} atua em {institution} desde {year}, com foco em {work}.",
            ("fr", null) => $"Conseil indépendant en {work} depuis {year}.",
            ("fr", _) => $"{name} travaille à {institution} depuis {year} et se consacre à {work}.",
            (_, null) => $"Independent consultant on {work} since {year}.",
            _ => $"{name} has worked at {institution} since {year}, focusing on {work}.",
        };
    }
}
