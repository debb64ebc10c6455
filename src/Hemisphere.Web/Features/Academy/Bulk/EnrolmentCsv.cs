using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Hemisphere.Features.Academy.Bulk;

/// <summary>The columns of a bulk enrolment file.</summary>
public enum EnrolmentColumn { Email, NationalId, Name, Institution, Country, Edition }

/// <summary>One data row of the file: its number (the header is row 1) and its fields, trimmed.</summary>
public sealed record EnrolmentCsvRow(int Row, string Email, string NationalId, string Name, string Institution, string Country, string Edition, int ExtraFields);

/// <summary>The file read: its rows, or the reason it was refused as a whole (a resource key and its argument).</summary>
public sealed record EnrolmentCsvFile(IReadOnlyList<EnrolmentCsvRow> Rows, IReadOnlyList<(string Key, string Argument)> Notes, string? ErrorKey, string? ErrorArgument = null)
{
    public bool IsValid => ErrorKey is null;
}

/// <summary>
/// Reads a bulk enrolment file. Decisions:
/// <list type="bullet">
/// <item>A header row is required; columns are found by name (English, Spanish, Portuguese or French, any case,
/// accents, spaces, '-' and '_' ignored), in any order; unknown columns are ignored (and said so).
/// Required: name, institution, country, edition, and e-mail or national id (at least one of the two columns).</item>
/// <item>The separator is ',', ';' or a tab, whichever the header line has most of (outside quotes).</item>
/// <item>Encoding: UTF-8 with or without BOM; UTF-16 with a BOM. A file that is not valid UTF-8 is read as
/// Windows-1252 (what spreadsheet programs on Windows write as "CSV"), and a note says so; a file with bytes
/// no text encoding explains (NUL bytes, bytes undefined in Windows-1252) is refused as a whole, asking for UTF-8.</item>
/// </list>
/// </summary>
public static class EnrolmentCsv
{
    public const int MaxBytes = 64 * 1024 * 1024;
    public const int MaxRows = 250_000;

    /// <summary>Header spellings, folded (lower-case, no accents, letters and digits only).</summary>
    private static readonly Dictionary<string, EnrolmentColumn> Headers = new(StringComparer.Ordinal)
    {
        ["email"] = EnrolmentColumn.Email,
        ["mail"] = EnrolmentColumn.Email,
        ["emailaddress"] = EnrolmentColumn.Email,
        ["correo"] = EnrolmentColumn.Email,
        ["correoelectronico"] = EnrolmentColumn.Email,
        ["courriel"] = EnrolmentColumn.Email,
        ["adresseelectronique"] = EnrolmentColumn.Email,
        ["adressecourriel"] = EnrolmentColumn.Email,
        ["nationalid"] = EnrolmentColumn.NationalId,
        ["nationalidnumber"] = EnrolmentColumn.NationalId,
        ["idnumber"] = EnrolmentColumn.NationalId,
        ["documento"] = EnrolmentColumn.NationalId,
        ["documentodeidentidad"] = EnrolmentColumn.NationalId,
        ["numerodedocumento"] = EnrolmentColumn.NationalId,
        ["identificacion"] = EnrolmentColumn.NationalId,
        ["identificacionnacional"] = EnrolmentColumn.NationalId,
        ["cedula"] = EnrolmentColumn.NationalId,
        ["dni"] = EnrolmentColumn.NationalId,
        ["cpf"] = EnrolmentColumn.NationalId,
        ["identidadenacional"] = EnrolmentColumn.NationalId,
        ["documentodeidentificacao"] = EnrolmentColumn.NationalId,
        ["numeroidentite"] = EnrolmentColumn.NationalId,
        ["identifiantnational"] = EnrolmentColumn.NationalId,
        ["numeronational"] = EnrolmentColumn.NationalId,
        ["idnational"] = EnrolmentColumn.NationalId,
        ["name"] = EnrolmentColumn.Name,
        ["fullname"] = EnrolmentColumn.Name,
        ["nombre"] = EnrolmentColumn.Name,
        ["nombrecompleto"] = EnrolmentColumn.Name,
        ["nome"] = EnrolmentColumn.Name,
        ["nomecompleto"] = EnrolmentColumn.Name,
        ["nom"] = EnrolmentColumn.Name,
        ["nomcomplet"] = EnrolmentColumn.Name,
        ["institution"] = EnrolmentColumn.Institution,
        ["institutionid"] = EnrolmentColumn.Institution,
        ["institucion"] = EnrolmentColumn.Institution,
        ["instituicao"] = EnrolmentColumn.Institution,
        ["organization"] = EnrolmentColumn.Institution,
        ["organisation"] = EnrolmentColumn.Institution,
        ["organizacion"] = EnrolmentColumn.Institution,
        ["organizacao"] = EnrolmentColumn.Institution,
        ["country"] = EnrolmentColumn.Country,
        ["countrycode"] = EnrolmentColumn.Country,
        ["pais"] = EnrolmentColumn.Country,
        ["pays"] = EnrolmentColumn.Country,
        ["codigopais"] = EnrolmentColumn.Country,
        ["codigodopais"] = EnrolmentColumn.Country,
        ["codepays"] = EnrolmentColumn.Country,
        ["edition"] = EnrolmentColumn.Edition,
        ["editionid"] = EnrolmentColumn.Edition,
        ["edicion"] = EnrolmentColumn.Edition,
        ["edicao"] = EnrolmentColumn.Edition,
    };

    /// <summary>The header the import expects (and the report repeats).</summary>
    public static readonly string[] CanonicalHeader = ["email", "national_id", "name", "institution", "country", "edition"];

    public static EnrolmentCsvFile Read(byte[] bytes)
    {
        var (text, decodeError, cp1252) = Decode(bytes);
        if (text is null) return new EnrolmentCsvFile([], [], decodeError);
        var notes = new List<(string, string)>();
        if (cp1252) notes.Add(("Academy.Bulk.ReadAsWindows1252", ""));

        var firstLine = FirstLine(text);
        if (string.IsNullOrWhiteSpace(firstLine)) return new EnrolmentCsvFile([], notes, "Academy.Bulk.Empty");
        var separator = DetectSeparator(firstLine);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read()) return new EnrolmentCsvFile([], notes, "Academy.Bulk.Empty");

        var header = parser.Record ?? [];
        var map = new int[6];
        Array.Fill(map, -1);
        var ignored = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var raw = header[i].Trim();
            if (raw.Length == 0) continue;
            if (!Headers.TryGetValue(Fold(raw), out var column)) { ignored.Add(raw); continue; }
            if (map[(int)column] >= 0) return new EnrolmentCsvFile([], notes, "Academy.Bulk.DuplicateColumn", raw);
            map[(int)column] = i;
        }
        var missing = new List<string>();
        foreach (var c in new[] { EnrolmentColumn.Name, EnrolmentColumn.Institution, EnrolmentColumn.Country, EnrolmentColumn.Edition })
            if (map[(int)c] < 0) missing.Add(CanonicalHeader[(int)c]);
        if (map[(int)EnrolmentColumn.Email] < 0 && map[(int)EnrolmentColumn.NationalId] < 0) missing.Add("email / national_id");
        if (missing.Count > 0) return new EnrolmentCsvFile([], notes, "Academy.Bulk.MissingColumns", string.Join(", ", missing));
        if (ignored.Count > 0) notes.Add(("Academy.Bulk.IgnoredColumns", string.Join(", ", ignored)));

        var rows = new List<EnrolmentCsvRow>();
        var number = 1;
        var known = map.Where(m => m >= 0).ToHashSet();
        while (parser.Read())
        {
            number++;
            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= MaxRows) return new EnrolmentCsvFile([], notes, "Academy.Bulk.TooManyRows", MaxRows.ToString("N0", CultureInfo.CurrentCulture));
            var extra = 0;
            for (var i = header.Length; i < record.Length; i++)
                if (!string.IsNullOrWhiteSpace(record[i])) extra++;
            rows.Add(new EnrolmentCsvRow(number, Field(record, map, EnrolmentColumn.Email), Field(record, map, EnrolmentColumn.NationalId),
                Field(record, map, EnrolmentColumn.Name), Field(record, map, EnrolmentColumn.Institution), Field(record, map, EnrolmentColumn.Country),
                Field(record, map, EnrolmentColumn.Edition), extra));
        }
        if (rows.Count == 0) return new EnrolmentCsvFile([], notes, "Academy.Bulk.NoRows");
        return new EnrolmentCsvFile(rows, notes, null);
    }

    private static string Field(string[] record, int[] map, EnrolmentColumn column)
    {
        var i = map[(int)column];
        return i >= 0 && i < record.Length ? record[i].Trim() : "";
    }

    /// <summary>Lower-case, accents removed, letters and digits only: "Correo electrónico" → "correoelectronico".</summary>
    internal static string Fold(string header)
    {
        var decomposed = header.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    internal static char DetectSeparator(string headerLine)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var ch in headerLine)
        {
            if (ch == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (ch == ',') commas++;
            else if (ch == ';') semicolons++;
            else if (ch == '\t') tabs++;
        }
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    /// <summary>The text, or the reason it cannot be read; whether it was read as Windows-1252.</summary>
    internal static (string? Text, string? ErrorKey, bool Windows1252) Decode(byte[] bytes)
    {
        if (bytes.Length == 0) return (null, "Academy.Bulk.Empty", false);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Checked(Encoding.Unicode, bytes, 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Checked(Encoding.BigEndianUnicode, bytes, 2);
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if (Array.IndexOf(bytes, (byte)0) >= 0) return (null, "Academy.Bulk.NotText", false);
        var strict = new UTF8Encoding(false, true);
        try
        {
            return (strict.GetString(bytes, start, bytes.Length - start), null, false);
        }
        catch (DecoderFallbackException)
        {
            if (start == 3) return (null, "Academy.Bulk.NotText", false);
        }
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b is >= 0x80 and <= 0x9F)
            {
                var c = Cp1252High[b - 0x80];
                if (c == '\0') return (null, "Academy.Bulk.NotText", false);
                chars[i] = c;
            }
            else chars[i] = (char)b;
        }
        return (new string(chars), null, true);
    }

    private static (string?, string?, bool) Checked(Encoding encoding, byte[] bytes, int start)
    {
        try
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            return (strict.GetString(bytes, start, bytes.Length - start), null, false);
        }
        catch (DecoderFallbackException)
        {
            return (null, "Academy.Bulk.NotText", false);
        }
    }

    /// <summary>Windows-1252 0x80–0x9F; '\0' where the code page defines nothing.</summary>
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];
}
