using System.Globalization;
using System.Text;
using Hemisphere.Platform.Search;
using Npgsql;

namespace Hemisphere.Bench.Generate;

/// <summary>
/// enrolment-csv: a bulk enrolment file for the site's import-enrolments verb, built from a generated database: officers of
/// generated institutions (named by id, with their country) into generated editions whose enrolment is open (named by id).
/// Nine in ten rows are new officers (a new e-mail and national id), one in ten officers already recorded (some already in the
/// edition); 85% of rows go to self-paced editions (no seats), 15% to open cohorts and on-site editions (seats: some waitlisted);
/// 0.5% of rows are wrong on purpose (an unknown country, an invalid e-mail, no name), as real files are.
/// </summary>
public static class EnrolmentCsvCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        args.AllowOnly("--connection", "--rows", "--out", "--seed");
        var rows = args.Int("--rows", 200_000, 1, 250_000);
        var output = args.Required("--out");
        var seed = args.Int("--seed", 42, int.MinValue, int.MaxValue);
        var rng = new Random(unchecked(seed * 92821 + 0x43535631));
        var ct = CancellationToken.None;
        await using var db = NpgsqlDataSource.Create(args.Required("--connection"));
        await using var connection = await db.OpenConnectionAsync(ct);
        var countries = await MemberStates.LoadAsync(connection, ct);
        var byCode = countries.ToDictionary(c => c.Code);

        var institutions = new List<(Guid Id, string Country, string Name)>();
        await using (var command = new NpgsqlCommand($"""SELECT "Id", "CountryCode", "Name" FROM "Institutions" WHERE {BenchIds.SqlIsGenerated} AND "CountryCode" IS NOT NULL AND "Kind" = 'Police'""", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) institutions.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        var now = DateTime.UtcNow;
        var selfPaced = new List<Guid>();
        var limited = new List<Guid>();
        await using (var command = new NpgsqlCommand($"""
            SELECT e."Id", e."Mode" FROM "Editions" e JOIN "Courses" c ON c."Id" = e."CourseId"
            WHERE right(e."Id"::text, 8) = '{BenchIds.TextSuffix}' AND NOT e."Cancelled" AND c."Status" = 'Published'
              AND (e."EnrolmentOpensAt" IS NULL OR e."EnrolmentOpensAt" <= $1) AND (e."EnrolmentClosesAt" IS NULL OR e."EnrolmentClosesAt" > $1)
              AND (e."EndsOn" IS NULL OR e."EndsOn" >= $2)
            ORDER BY e."Id"
            """, connection))
        {
            command.Parameters.AddWithValue(now);
            command.Parameters.AddWithValue(DateOnly.FromDateTime(now));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) (reader.GetString(1) == "SelfPaced" ? selfPaced : limited).Add(reader.GetGuid(0));
        }
        var existing = new List<(string Email, string Country, Guid? Institution, string Name)>();
        await using (var command = new NpgsqlCommand($"""
            SELECT "Email", "CountryCode", "InstitutionId", "FullName" FROM "Learners" WHERE {BenchIds.SqlIsGenerated} AND "UserId" IS NULL AND "InstitutionId" IS NOT NULL ORDER BY "Id" LIMIT 100000
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) existing.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3)));
        if (institutions.Count == 0 || selfPaced.Count == 0) throw new BenchException("No generated police institutions or open self-paced editions: run generate with --courses first.");

        var byCountry = institutions.GroupBy(i => i.Country).ToDictionary(g => g.Key, g => g.ToList());
        var places = new Weighted<string>(byCountry.Keys.OrderBy(k => k, StringComparer.Ordinal), code => byCountry[code].Count);
        var csv = new StringBuilder(rows * 160);
        csv.Append("email,national_id,name,institution,country,edition\n");
        int fresh = 0, known = 0, wrong = 0, toLimited = 0;
        for (var n = 1; n <= rows; n++)
        {
            var edition = limited.Count > 0 && rng.NextDouble() < 0.15 ? limited[rng.Next(limited.Count)] : selfPaced[rng.Next(selfPaced.Count)];
            if (limited.Contains(edition)) toLimited++;
            string email, nationalId, name, country;
            Guid institution;
            if (existing.Count > 0 && rng.NextDouble() < 0.1)
            {
                var e = existing[rng.Next(existing.Count)];
                (email, nationalId, name, country, institution) = (e.Email, "", e.Name, e.Country, e.Institution!.Value);
                known++;
            }
            else
            {
                country = places.Next(rng);
                var place = byCode[country];
                var i = byCountry[country][rng.Next(byCountry[country].Count)];
                institution = i.Id;
                name = Names.FullName(rng, place.Language, rng.NextDouble() < 0.3);
                var parts = TextFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                email = string.Create(CultureInfo.InvariantCulture, $"{new string(parts[0].Where(char.IsAsciiLetterLower).ToArray())}.{new string(parts[^1].Where(char.IsAsciiLetterLower).ToArray())}.bulk{n:000000}@import.bench.hemisphere.local");
                nationalId = string.Create(CultureInfo.InvariantCulture, $"B{seed & 0xFFFF:00000}{n:0000000}");
                fresh++;
            }
            switch (rng.NextDouble())
            {
                case < 0.002: country = "XX"; wrong++; break;
                case < 0.004: email = email.Replace('@', ' '); nationalId = ""; wrong++; break;
                case < 0.005: name = ""; wrong++; break;
            }
            csv.Append(Field(email)).Append(',').Append(Field(nationalId)).Append(',').Append(Field(name)).Append(',')
                .Append(institution.ToString()).Append(',').Append(country).Append(',').Append(edition.ToString()).Append('\n');
        }
        await File.WriteAllTextAsync(output, csv.ToString(), new UTF8Encoding(false), ct);
        Console.WriteLine($"{output}: {rows:N0} rows ({fresh:N0} new officers, {known:N0} already recorded, {wrong:N0} wrong on purpose; {toLimited:N0} into {limited.Count:N0} open cohorts and on-site editions, the rest into {selfPaced.Count:N0} self-paced editions), {new FileInfo(output).Length:N0} bytes.");
        return 0;
    }

    private static string Field(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
