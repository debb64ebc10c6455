using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Directory;

/// <summary>
/// The 35 states of the Americas that have belonged to the OAS, with the history of their
/// membership. Written into the database once; afterwards administrators record changes there.
/// Where only the year of admission is recorded here, the event carries <see cref="DatePrecision.Year"/>.
/// </summary>
public static class MemberStateCatalogue
{
    private static readonly DateOnly CharterOfBogota = new(1948, 4, 30);

    private sealed record Entry(string Code, string Alpha3, string En, string Es, string Pt, string Fr, DateOnly Joined, DatePrecision Precision);

    private static Entry Founder(string code, string a3, string en, string es, string pt, string fr) =>
        new(code, a3, en, es, pt, fr, CharterOfBogota, DatePrecision.Day);

    private static Entry Year(string code, string a3, string en, string es, string pt, string fr, int year) =>
        new(code, a3, en, es, pt, fr, new DateOnly(year, 1, 1), DatePrecision.Year);

    private static readonly Entry[] States =
    [
        Year("AG", "ATG", "Antigua and Barbuda", "Antigua y Barbuda", "Antígua e Barbuda", "Antigua-et-Barbuda", 1981),
        Founder("AR", "ARG", "Argentina", "Argentina", "Argentina", "Argentine"),
        Year("BS", "BHS", "The Bahamas", "Bahamas", "Bahamas", "Bahamas", 1982),
        Year("BB", "BRB", "Barbados", "Barbados", "Barbados", "Barbade", 1967),
        new("BZ", "BLZ", "Belize", "Belice", "Belize", "Belize", new DateOnly(1991, 1, 8), DatePrecision.Day),
        Founder("BO", "BOL", "Bolivia", "Bolivia", "Bolívia", "Bolivie"),
        Founder("BR", "BRA", "Brazil", "Brasil", "Brasil", "Brésil"),
        new("CA", "CAN", "Canada", "Canadá", "Canadá", "Canada", new DateOnly(1990, 1, 8), DatePrecision.Day),
        Founder("CL", "CHL", "Chile", "Chile", "Chile", "Chili"),
        Founder("CO", "COL", "Colombia", "Colombia", "Colômbia", "Colombie"),
        Founder("CR", "CRI", "Costa Rica", "Costa Rica", "Costa Rica", "Costa Rica"),
        Founder("CU", "CUB", "Cuba", "Cuba", "Cuba", "Cuba"),
        Year("DM", "DMA", "Dominica", "Dominica", "Dominica", "Dominique", 1979),
        Founder("DO", "DOM", "Dominican Republic", "República Dominicana", "República Dominicana", "République dominicaine"),
        Founder("EC", "ECU", "Ecuador", "Ecuador", "Equador", "Équateur"),
        Founder("SV", "SLV", "El Salvador", "El Salvador", "El Salvador", "El Salvador"),
        Year("GD", "GRD", "Grenada", "Granada", "Granada", "Grenade", 1975),
        Founder("GT", "GTM", "Guatemala", "Guatemala", "Guatemala", "Guatemala"),
        new("GY", "GUY", "Guyana", "Guyana", "Guiana", "Guyana", new DateOnly(1991, 1, 8), DatePrecision.Day),
        Founder("HT", "HTI", "Haiti", "Haití", "Haiti", "Haïti"),
        Founder("HN", "HND", "Honduras", "Honduras", "Honduras", "Honduras"),
        Year("JM", "JAM", "Jamaica", "Jamaica", "Jamaica", "Jamaïque", 1969),
        Founder("MX", "MEX", "Mexico", "México", "México", "Mexique"),
        Founder("NI", "NIC", "Nicaragua", "Nicaragua", "Nicarágua", "Nicaragua"),
        Founder("PA", "PAN", "Panama", "Panamá", "Panamá", "Panama"),
        Founder("PY", "PRY", "Paraguay", "Paraguay", "Paraguai", "Paraguay"),
        Founder("PE", "PER", "Peru", "Perú", "Peru", "Pérou"),
        Year("KN", "KNA", "Saint Kitts and Nevis", "Saint Kitts y Nevis", "São Cristóvão e Névis", "Saint-Kitts-et-Nevis", 1984),
        Year("LC", "LCA", "Saint Lucia", "Santa Lucía", "Santa Lúcia", "Sainte-Lucie", 1979),
        Year("VC", "VCT", "Saint Vincent and the Grenadines", "San Vicente y las Granadinas", "São Vicente e Granadinas", "Saint-Vincent-et-les-Grenadines", 1981),
        Year("SR", "SUR", "Suriname", "Suriname", "Suriname", "Suriname", 1977),
        Year("TT", "TTO", "Trinidad and Tobago", "Trinidad y Tobago", "Trinidad e Tobago", "Trinité-et-Tobago", 1967),
        Founder("US", "USA", "United States", "Estados Unidos", "Estados Unidos", "États-Unis"),
        Founder("UY", "URY", "Uruguay", "Uruguay", "Uruguai", "Uruguay"),
        Founder("VE", "VEN", "Venezuela", "Venezuela", "Venezuela", "Venezuela"),
    ];

    private static IEnumerable<MembershipEvent> LaterEvents(string code) => code switch
    {
        "CU" =>
        [
            new MembershipEvent
            {
                EffectiveOn = new DateOnly(1962, 1, 31),
                Change = MembershipChange.ParticipationSuspended,
                Reference = "Resolution VI, Eighth Meeting of Consultation of Ministers of Foreign Affairs, Punta del Este",
                Note = "The Government of Cuba was excluded from participation in the inter-American system.",
            },
            new MembershipEvent
            {
                EffectiveOn = new DateOnly(2009, 6, 3),
                Change = MembershipChange.Noted,
                Reference = "AG/RES. 2438 (XXXIX-O/09)",
                Note = "The 1962 resolution ceased to have effect; participation was left to a dialogue at Cuba's request, which Cuba has not requested.",
            },
        ],
        "NI" =>
        [
            new MembershipEvent
            {
                EffectiveOn = new DateOnly(2021, 11, 19),
                Change = MembershipChange.Noted,
                Reference = "Charter of the OAS, Article 143",
                Note = "Notice of denunciation of the Charter; it takes effect two years after the notice.",
            },
            new MembershipEvent
            {
                EffectiveOn = new DateOnly(2023, 11, 19),
                Change = MembershipChange.Withdrew,
                Reference = "Charter of the OAS, Article 143",
                Note = "Withdrawal took effect.",
            },
        ],
        _ => [],
    };

    public static int Count => States.Length;

    /// <summary>Whether the code is the ISO 3166-1 alpha-2 code of one of the 35 states.</summary>
    public static bool IsCode(string? code) => code is { Length: 2 } && States.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds the states that are missing, with their history. Never touches a state already there.</summary>
    public static async Task<int> EnsureAsync(HemisphereDb db, CancellationToken ct = default)
    {
        var existing = await db.MemberStates.Select(s => s.Code).ToListAsync(ct);
        var added = 0;
        foreach (var e in States.Where(s => !existing.Contains(s.Code)))
        {
            var state = new MemberState
            {
                Code = e.Code,
                Alpha3 = e.Alpha3,
                Name = new LocalizedText { En = e.En, Es = e.Es, Pt = e.Pt, Fr = e.Fr },
            };
            state.Events.Add(new MembershipEvent
            {
                EffectiveOn = e.Joined,
                Precision = e.Precision,
                Change = MembershipChange.Joined,
                Reference = e.Joined == CharterOfBogota ? "Charter of the Organization of American States (Bogotá, 1948)" : "Charter of the OAS",
            });
            state.Events.AddRange(LaterEvents(e.Code));
            db.MemberStates.Add(state);
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }
}
