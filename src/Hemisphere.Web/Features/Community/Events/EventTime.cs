using System.Globalization;

namespace Hemisphere.Features.Community.Events;

/// <summary>Time zones of events: IANA ids, checked against both .NET and the tz database that calendars use.</summary>
public static class EventTime
{
    /// <summary>The IANA id for a zone id (a Windows id is converted), or null when it is unknown.</summary>
    public static string? Normalise(string? zone)
    {
        if (string.IsNullOrWhiteSpace(zone) || zone.Length > EventLimits.TimeZone) return null;
        var id = zone.Trim();
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana)) id = iana;
        try
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(id);
            if (!info.HasIanaId) return null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
        return NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is null ? null : id;
    }

    public static TimeZoneInfo Zone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }

    public static DateTimeOffset Local(DateTimeOffset instant, string zone) => TimeZoneInfo.ConvertTime(instant, Zone(zone));

    /// <summary>ISO 8601 local time with its offset, e.g. 2026-03-10T09:00:00-06:00.</summary>
    public static string Iso(DateTimeOffset instant, string zone) =>
        Local(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A local date and time typed in a form (no offset) in this zone, as a UTC instant; null when the zone skips that time.</summary>
    public static DateTimeOffset? FromLocal(DateTime local, string? zone)
    {
        var info = Normalise(zone) is { } id ? Zone(id) : TimeZoneInfo.Utc;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (info.IsInvalidTime(unspecified)) return null;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, info), TimeSpan.Zero);
    }

    /// <summary>"Tuesday, 10 March 2026 09:00–11:00 (America/Tegucigalpa, UTC-06:00)" in the culture given.</summary>
    public static string Describe(Event e, CultureInfo culture)
    {
        var start = Local(e.StartsAt, e.TimeZone);
        var end = Local(e.EndsAt, e.TimeZone);
        var endText = start.Date == end.Date ? end.ToString("t", culture) : end.ToString("f", culture);
        return $"{start.ToString("f", culture)} – {endText} ({e.TimeZone}, UTC{Offset(start.Offset)})";
    }

    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);

    /// <summary>Time zones offered in forms: the Americas first, then the rest.</summary>
    public static IReadOnlyList<string> Suggested { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId && z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
        .Select(z => z.Id).Append("UTC")
        .OrderBy(id => id.StartsWith("America/", StringComparison.Ordinal) ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal).ToList();
}
