namespace Hemisphere.Bench.Generate;

/// <summary>ISO 9001 for some institutions (more often customs and ports), sometimes a second standard and an expired earlier cycle.</summary>
public static class Certifications
{
    private const string Iso9001 = "ISO 9001:2015";

    private static readonly Dictionary<string, string[]> Scopes = new(StringComparer.Ordinal)
    {
        // en, es, pt, fr
        [Iso9001] = ["Quality management of the institution's services and procedures", "Gestión de la calidad de los servicios y trámites institucionales", "Gestão da qualidade dos serviços e processos institucionais", "Management de la qualité des services et procédures de l'institution"],
        ["ISO/IEC 27001:2022"] = ["Information security of the institution's systems", "Seguridad de la información de los sistemas institucionales", "Segurança da informação dos sistemas institucionais", "Sécurité de l'information des systèmes de l'institution"],
        ["ISO 28000:2022"] = ["Security management of the supply chain", "Gestión de la seguridad de la cadena de suministro", "Gestão da segurança da cadeia logística", "Management de la sûreté de la chaîne d'approvisionnement"],
        ["ISO 37001:2016"] = ["Anti-bribery management system", "Sistema de gestión antisoborno", "Sistema de gestão antissuborno", "Système de management anti-corruption"],
    };

    private static readonly string[] Bodies = ["Bureau Veritas", "SGS", "AENOR", "ICONTEC", "TÜV Rheinland", "BSI", "DNV", "LRQA", "IBNORCA", "IRAM", "ABNT"];

    public static IEnumerable<CertificationRow> For(Random rng, InstitutionRow institution, DateTime epoch)
    {
        var chance = institution.Kind switch
        {
            Kinds.Customs => 0.35,
            Kinds.PortAuthority => 0.45,
            Kinds.Police or Kinds.University => 0.2,
            Kinds.Ministry or Kinds.InternationalOrganisation => 0.15,
            Kinds.DonorAgency => 0.1,
            _ => 0.05,
        };
        if (rng.NextDouble() >= chance) yield break;
        var latest = DateOnly.FromDateTime(epoch).AddDays(-60);
        var first = new DateOnly(2018, 1, 1);
        var certified = first.AddDays(rng.Next(latest.DayNumber - first.DayNumber));
        var body = rng.NextDouble() < 0.9 ? Bodies[rng.Next(Bodies.Length)] : null;
        yield return Row(rng, institution, Iso9001, certified, body);
        if (rng.NextDouble() < 0.4 && certified.Year >= 2019) yield return Row(rng, institution, Iso9001, certified.AddYears(-3), body);
        if (rng.NextDouble() < 0.3)
        {
            string[] others = institution.Kind switch
            {
                Kinds.Customs => ["ISO 28000:2022", "ISO 37001:2016"],
                Kinds.PortAuthority => ["ISO 28000:2022"],
                _ => ["ISO/IEC 27001:2022", "ISO 37001:2016"],
            };
            yield return Row(rng, institution, others[rng.Next(others.Length)], certified.AddDays(rng.Next(400)), body);
        }
    }

    private static CertificationRow Row(Random rng, InstitutionRow institution, string standard, DateOnly certified, string? body)
    {
        var language = institution.Language switch { "es" => 1, "pt" => 2, "fr" => 3, _ => 0 };
        var at = certified.ToDateTime(new TimeOnly(rng.Next(8, 18), 0), DateTimeKind.Utc);
        return new CertificationRow(BenchIds.Create(at, rng), institution.Id, standard, Scopes[standard][language], body, certified, certified.AddYears(3).AddDays(-1));
    }
}
