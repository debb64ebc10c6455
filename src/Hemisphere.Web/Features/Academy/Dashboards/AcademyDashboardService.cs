using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using HemisphereDb = Hemisphere.Platform.Data.HemisphereDb;

namespace Hemisphere.Features.Academy.Dashboards;

/// <summary>One dimension the dashboard groups by.</summary>
public enum DashboardDimension { Country, Institution, Course, Edition, Year }

public sealed record DashboardQuery(string? By, int? Year, string? Country, Guid? Course, Guid? Institution);

/// <summary>
/// One line of the dashboard. <see cref="Enrolments"/> counts enrolments (Enrolled or Completed);
/// the other figures count officers (distinct learners): enrolled (Enrolled or Completed), active (enrolled and
/// seen in the last 30 days), completed and certified (holding a live certificate: not revoked; a reissue counts once).
/// </summary>
public sealed record DashboardRow(string Key, string Label, int Enrolments, int Enrolled, int Active, int Completed, int Certified);

public sealed record AcademyDashboard(
    string By, int? Year, string? Country, Guid? Course, Guid? Institution, IReadOnlyList<DashboardRow> Rows, DashboardRow Total,
    DateTimeOffset At, int ActiveDays);

/// <summary>
/// The academy's figures: officers enrolled, active and completed by country, institution, course, edition or year,
/// filtered by year, country, course and institution. Staff see every enrolment; an institution manager only those
/// of the institutions (or countries) they manage, and an explicit institution they do not manage is not found.
/// The queries read only the enrolments' own (denormalised) columns and their indexes. The figures of a query (per scope
/// and filters) are kept in <see cref="DashboardSnapshots"/> and recounted in the background once they are a minute old,
/// so readers are answered from memory and only the first reader of a new query waits for its count.
/// </summary>
public sealed class AcademyDashboardService(HemisphereDb db, DashboardSnapshots snapshots, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int ActiveDays = 30;

    public static bool CanSee(Actor actor) => AcademyPolicy.ManagedBy(actor) is not null;

    public static bool TryDimension(string? by, out DashboardDimension dimension)
    {
        dimension = DashboardDimension.Country;
        return string.IsNullOrWhiteSpace(by) || Enum.TryParse(by.Trim(), true, out dimension) && Enum.IsDefined(dimension);
    }

    public async Task<Outcome<AcademyDashboard>> GetAsync(Actor actor, DashboardQuery query, CancellationToken ct)
    {
        var scope = AcademyPolicy.ManagedBy(actor);
        if (scope is null) return Outcome<AcademyDashboard>.Forbidden();
        if (!TryDimension(query.By, out var by)) return Outcome<AcademyDashboard>.Invalid("by", "country, institution, course, edition, year");
        var country = string.IsNullOrWhiteSpace(query.Country) ? null : query.Country.Trim().ToUpperInvariant();
        if (query.Institution is { } institutionId && !scope.All)
        {
            var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => new { i.Id, i.CountryCode }).FirstOrDefaultAsync(ct);
            if (institution is null || !scope.Covers(institution.Id, institution.CountryCode)) return Outcome<AcademyDashboard>.NotFound();
        }

        var counted = await CountedAsync(scope, by, query.Year, country, query.Course, query.Institution, ct);
        var labels = await LabelsAsync(by, counted.Rows.Select(r => r.Key).ToList(), ct);
        var rows = counted.Rows.Select(r => r with { Label = labels.GetValueOrDefault(r.Key, r.Key) }).ToList();
        rows = by == DashboardDimension.Year
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : rows.OrderBy(r => r.Label, StringComparer.Create(CultureInfo.CurrentCulture, true)).ToList();
        return Outcome<AcademyDashboard>.Ok(new AcademyDashboard(
            by.ToString().ToLowerInvariant(), query.Year, country, query.Course, query.Institution, rows, counted.Total, counted.At, ActiveDays));
    }

    private sealed record Counted(IReadOnlyList<DashboardRow> Rows, DashboardRow Total, DateTimeOffset At);

    private async Task<Counted> CountedAsync(ManagedScope scope, DashboardDimension by, int? year, string? country, Guid? course, Guid? institution, CancellationToken ct)
    {
        var key = string.Join("|", by, year, country, course, institution, scope.All,
            string.Join(",", scope.Institutions.Order()), string.Join(",", scope.Countries.Order(StringComparer.Ordinal)));
        var (counted, _) = await snapshots.GetAsync(key, async token =>
        {
            // Its own scope and database connection: a recount in the background outlives the request that started it.
            await using var counting = scopes.CreateAsyncScope();
            var countingDb = counting.ServiceProvider.GetRequiredService<HemisphereDb>();
            return await CountAsync(countingDb, clock, scope, by, year, country, course, institution, token);
        }, ct);
        return counted;
    }

    /// <summary>Counts the whole academy's dashboard by <paramref name="by"/> ahead of its first reader (see <see cref="DashboardWarmUp"/>).</summary>
    public Task WarmUpAsync(DashboardDimension by, CancellationToken ct) => CountedAsync(ManagedScope.Everyone, by, null, null, null, null, ct);

    private static async Task<Counted> CountAsync(HemisphereDb db, TimeProvider clock, ManagedScope scope, DashboardDimension by, int? year, string? country, Guid? course, Guid? institution, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-ActiveDays);
        var q = db.Enrolments.AsNoTracking().Where(e => e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Completed);
        if (!scope.All)
        {
            var institutions = scope.Institutions.ToList();
            var countries = scope.Countries.ToList();
            q = q.Where(e => (e.InstitutionId != null && institutions.Contains(e.InstitutionId.Value)) || countries.Contains(e.CountryCode));
        }
        if (year is { } y) q = q.Where(e => e.Year == y);
        if (country is not null) q = q.Where(e => e.CountryCode == country);
        if (course is { } c) q = q.Where(e => e.CourseId == c);
        if (institution is { } i) q = q.Where(e => e.InstitutionId == i);

        var rows = by switch
        {
            DashboardDimension.Country => await GroupAsync(q, e => e.CountryCode, since, k => k, ct),
            DashboardDimension.Institution => await GroupAsync(q, e => e.InstitutionId, since, k => k?.ToString() ?? "", ct),
            DashboardDimension.Course => await GroupAsync(q, e => e.CourseId, since, k => k.ToString(), ct),
            DashboardDimension.Edition => await GroupAsync(q, e => e.EditionId, since, k => k.ToString(), ct),
            _ => await GroupAsync(q, e => e.Year, since, k => k.ToString(CultureInfo.InvariantCulture), ct),
        };
        var total = await TotalAsync(q, since, ct);
        return new Counted(rows, total, now);
    }

    /// <summary>
    /// The total line: officers counted once however many courses they take. Each learner's enrolments are folded first (how
    /// many, whether any is recent, whether any is completed), then summed: on PostgreSQL this streams through the learner's
    /// covering index in learner order, where three DISTINCT counts over every enrolment sorted a million rows each (spilling
    /// to disk) — the slowest part of an uncached dashboard.
    /// </summary>
    private static async Task<DashboardRow> TotalAsync(IQueryable<Enrolment> q, DateTimeOffset since, CancellationToken ct)
    {
        var total = await q.GroupBy(e => e.LearnerId)
            .Select(g => new
            {
                Enrolments = g.Count(),
                Active = g.Max(e => e.LastActivityAt >= since ? 1 : 0),
                Completed = g.Max(e => e.Status == EnrolmentStatus.Completed ? 1 : 0),
                Certified = g.Max(e => e.CertifiedAt != null ? 1 : 0),
            })
            .GroupBy(x => 1)
            .Select(g => new
            {
                Enrolments = g.Sum(x => x.Enrolments),
                Enrolled = g.Count(),
                Active = g.Sum(x => x.Active),
                Completed = g.Sum(x => x.Completed),
                Certified = g.Sum(x => x.Certified),
            })
            .FirstOrDefaultAsync(ct);
        return total is null
            ? new DashboardRow("total", "", 0, 0, 0, 0, 0)
            : new DashboardRow("total", "", total.Enrolments, total.Enrolled, total.Active, total.Completed, total.Certified);
    }

    private static async Task<List<DashboardRow>> GroupAsync<TKey>(IQueryable<Enrolment> q, Expression<Func<Enrolment, TKey>> key, DateTimeOffset since,
        Func<TKey, string> text, CancellationToken ct)
    {
        var list = await q.GroupBy(key).Select(g => new
        {
            g.Key,
            Enrolments = g.Count(),
            Enrolled = g.Select(e => e.LearnerId).Distinct().Count(),
            Active = g.Where(e => e.LastActivityAt >= since).Select(e => e.LearnerId).Distinct().Count(),
            Completed = g.Where(e => e.Status == EnrolmentStatus.Completed).Select(e => e.LearnerId).Distinct().Count(),
            Certified = g.Where(e => e.CertifiedAt != null).Select(e => e.LearnerId).Distinct().Count(),
        }).ToListAsync(ct);
        return list.Select(x => new DashboardRow(text(x.Key), "", x.Enrolments, x.Enrolled, x.Active, x.Completed, x.Certified)).ToList();
    }

    /// <summary>Names of the keys in the reader's language: countries, institutions, courses ("code — title"), editions ("course — edition").</summary>
    private async Task<Dictionary<string, string>> LabelsAsync(DashboardDimension by, List<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (by)
        {
            case DashboardDimension.Country:
                foreach (var s in await db.MemberStates.AsNoTracking().Where(s => keys.Contains(s.Code)).ToListAsync(ct)) labels[s.Code] = s.Name.Current;
                break;
            case DashboardDimension.Institution:
                foreach (var chunk in ids.Chunk(5000))
                    foreach (var i in await db.Institutions.AsNoTracking().Where(i => chunk.Contains(i.Id)).Select(i => new { i.Id, i.Name, i.Acronym }).ToListAsync(ct))
                        labels[i.Id.ToString()] = string.IsNullOrEmpty(i.Acronym) ? i.Name : $"{i.Name} ({i.Acronym})";
                labels[""] = "—";
                break;
            case DashboardDimension.Course:
                foreach (var chunk in ids.Chunk(5000))
                    foreach (var c in await db.Courses.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                        labels[c.Id.ToString()] = $"{c.Code} — {c.Title.Current}";
                break;
            case DashboardDimension.Edition:
                foreach (var chunk in ids.Chunk(5000))
                    foreach (var e in await db.Editions.AsNoTracking().Where(e => chunk.Contains(e.Id))
                                 .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { e.Id, e.Name, c.Code, c.Title }).ToListAsync(ct))
                        labels[e.Id.ToString()] = $"{e.Code} — {e.Title.Current} — {e.Name}";
                break;
            case DashboardDimension.Year:
                break;
        }
        return labels;
    }

    /// <summary>The dashboard as CSV: UTF-8 with a BOM, fields that a spreadsheet would run as formulas escaped.</summary>
    public static string ToCsv(AcademyDashboard d)
    {
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var h in new[] { d.By, "name", "enrolments", "officers_enrolled", "officers_active", "officers_completed", "officers_certified" }) csv.WriteField(h);
            csv.NextRecord();
            foreach (var r in d.Rows.Append(d.Total with { Key = "total", Label = "" }))
            {
                csv.WriteField(r.Key);
                csv.WriteField(r.Label);
                foreach (var n in new[] { r.Enrolments, r.Enrolled, r.Active, r.Completed, r.Certified }) csv.WriteField(n.ToString(CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        return sb.ToString();
    }
}
