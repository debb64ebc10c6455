using Npgsql;

namespace Hemisphere.Bench.Generate;

/// <summary>The member states in the database ("migrate" writes them): all but those whose withdrawal took effect.</summary>
public static class MemberStates
{
    public static async Task<List<Country>> LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            SELECT s."Code", s."NameEn", coalesce(s."NameEs", s."NameEn"), coalesce(s."NamePt", s."NameEn"), coalesce(s."NameFr", s."NameEn")
            FROM "MemberStates" s
            WHERE NOT EXISTS (SELECT 1 FROM "MembershipEvents" e WHERE e."CountryCode" = s."Code" AND e."Change" = 'Withdrew')
            ORDER BY s."Code"
            """;
        var countries = new List<Country>();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var code = reader.GetString(0);
                // A state added later that the generator has no profile for still gets institutions, in English.
                var profile = Geography.Profiles.GetValueOrDefault(code) ?? new CountryProfile(code, "en", 1, [reader.GetString(1)], [reader.GetString(1)]);
                countries.Add(new Country(code, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), profile));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new BenchException("The database has no Hemisphere tables: run the site's 'migrate' verb first.", e);
        }
        if (countries.Count == 0) throw new BenchException("\"MemberStates\" is empty: run the site's 'migrate' verb first (it writes the member states).");
        return countries;
    }
}
