using System.Globalization;
using Hemisphere.Features.Community.Events;
using Hemisphere.Features.Community.Forums;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Editions;

/// <summary>
/// Editions of a course, their instructors, sessions and attendance. Staff create and change editions;
/// an edition's instructors manage its sessions and take attendance. A cohort edition gets a private forum
/// category whose members are its enrolled learners (see <see cref="Enrolments.EnrolmentService"/>).
/// </summary>
public sealed class EditionService(HemisphereDb db, ProgressService progress, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxInstructors = 20;

    public static bool EnrolmentOpen(Edition e, DateTimeOffset now) =>
        !e.Cancelled && (e.EnrolmentOpensAt is null || e.EnrolmentOpensAt <= now) && (e.EnrolmentClosesAt is null || now < e.EnrolmentClosesAt)
        && (e.Mode == EditionMode.SelfPaced || e.EndsOn is null || DateOnly.FromDateTime(now.UtcDateTime) <= e.EndsOn);

    public async Task<IReadOnlyList<Guid>> InstructorsOfAsync(Guid editionId, CancellationToken ct) =>
        await db.EditionInstructors.Where(i => i.EditionId == editionId).Select(i => i.UserId).ToListAsync(ct);

    /// <summary>An edition the actor may see: editions of published courses, or any for staff and its instructors.</summary>
    public async Task<Edition?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var e = await db.Editions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        if (AcademyPolicy.IsStaff(actor)) return e;
        var published = await db.Courses.AnyAsync(c => c.Id == e.CourseId && c.Status == CourseStatus.Published, ct);
        return published || AcademyPolicy.CanTeach(actor, await InstructorsOfAsync(id, ct)) ? e : null;
    }

    public async Task<IReadOnlyList<EditionDto>> ForCourseAsync(Actor actor, Guid courseId, string language, CancellationToken ct)
    {
        var ids = await db.Editions.Where(e => e.CourseId == courseId).OrderBy(e => e.StartsOn).ThenBy(e => e.Name).Select(e => e.Id).ToListAsync(ct);
        var list = new List<EditionDto>();
        foreach (var id in ids)
            if (await FindAsync(actor, id, ct) is { } e && (!e.Cancelled || AcademyPolicy.IsStaff(actor))) list.Add(await ToDtoAsync(e, language, ct));
        return list;
    }

    /// <summary>Editions of published courses that are not cancelled, for enrolment forms: id and "course — edition".</summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> EnrollableAsync(string language, CancellationToken ct)
    {
        var rows = await (from e in db.Editions.AsNoTracking()
                          join c in db.Courses.AsNoTracking() on e.CourseId equals c.Id
                          where !e.Cancelled && c.Status == CourseStatus.Published
                          orderby c.Code, e.StartsOn, e.Name
                          select new { e.Id, e.Name, c.Code, c.Title }).Take(500).ToListAsync(ct);
        return rows.Select(r => (r.Id, $"{r.Code} {r.Title.For(language)} — {r.Name}")).ToList();
    }

    public async Task<EditionDto?> GetAsync(Actor actor, Guid id, string language, CancellationToken ct) =>
        await FindAsync(actor, id, ct) is { } e ? await ToDtoAsync(e, language, ct) : null;

    public async Task<Outcome<EditionDto>> CreateAsync(Actor actor, EditionInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(actor)) return Outcome<EditionDto>.Forbidden();
        var v = new Validation(l);
        var course = input.CourseId is { } cid ? await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (input.CourseId is null) v.Add("courseId", "Validation.Required");
        else if (course is null) v.Add("courseId", "Academy.UnknownCourse");
        var edition = new Edition { CourseId = course?.Id ?? Guid.Empty, CreatedAt = clock.GetUtcNow() };
        var instructors = await ApplyAsync(v, edition, input, isNew: true, ct);
        if (!v.IsValid) return Outcome<EditionDto>.Invalid(v.Errors);
        db.Editions.Add(edition);
        foreach (var u in instructors!) db.EditionInstructors.Add(new EditionInstructor { EditionId = edition.Id, UserId = u });
        if (edition.Mode == EditionMode.Cohort) await AddForumCategoryAsync(edition, course!, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<EditionDto>.Ok(await ToDtoAsync(edition, "en", ct));
    }

    public async Task<Outcome<EditionDto>> UpdateAsync(Actor actor, Guid id, EditionInput input, CancellationToken ct)
    {
        var found = await FindAsync(actor, id, ct);
        if (found is null) return Outcome<EditionDto>.NotFound();
        if (!AcademyPolicy.IsStaff(actor)) return Outcome<EditionDto>.Forbidden();
        var edition = await db.Editions.FirstAsync(e => e.Id == id, ct);
        var v = new Validation(l);
        if (input.CourseId is { } c && c != edition.CourseId) v.Add("courseId", "Academy.EditionCourseFixed");
        var instructors = await ApplyAsync(v, edition, input, isNew: false, ct);
        if (!v.IsValid) return Outcome<EditionDto>.Invalid(v.Errors);
        if (input.Instructors is not null)
        {
            await db.EditionInstructors.Where(i => i.EditionId == id).ExecuteDeleteAsync(ct);
            foreach (var u in instructors!) db.EditionInstructors.Add(new EditionInstructor { EditionId = id, UserId = u });
        }
        if (edition.Mode == EditionMode.Cohort && edition.ForumCategoryId is null)
            await AddForumCategoryAsync(edition, await db.Courses.AsNoTracking().FirstAsync(x => x.Id == edition.CourseId, ct), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<EditionDto>.Ok(await ToDtoAsync(edition, "en", ct));
    }

    private async Task<List<Guid>?> ApplyAsync(Validation v, Edition e, EditionInput input, bool isNew, CancellationToken ct)
    {
        var name = v.Text("name", input.Name, AcademyLimits.Name, required: true);
        var mode = input.Mode is null && !isNew ? e.Mode : AcademyCodes.Parse<EditionMode>(v, "mode", input.Mode, required: true) ?? e.Mode;
        var language = string.IsNullOrWhiteSpace(input.Language) ? (isNew ? "es" : e.Language) : input.Language.Trim().ToLowerInvariant();
        if (!Languages.Supported.Contains(language)) v.Add("language", "Validation.InvalidLanguage");
        var venue = v.Text("venue", input.Venue, AcademyLimits.Venue);
        var city = v.Text("city", input.City, AcademyLimits.Name);
        string? country = null;
        if (!string.IsNullOrWhiteSpace(input.CountryCode))
        {
            country = input.CountryCode.Trim().ToUpperInvariant();
            if (!await db.MemberStates.AnyAsync(m => m.Code == country, ct)) v.Add("countryCode", "Validation.UnknownCountry");
        }
        var zone = string.IsNullOrWhiteSpace(input.TimeZone) ? (isNew ? "America/New_York" : e.TimeZone) : EventTime.Normalise(input.TimeZone);
        if (zone is null) v.Add("timeZone", "Events.UnknownTimeZone");
        if (mode == EditionMode.OnSite && venue is null) v.Add("venue", "Validation.Required");
        if (mode is EditionMode.OnSite or EditionMode.Cohort)
        {
            if (input.StartsOn is null) v.Add("startsOn", "Validation.Required");
            if (input.EndsOn is null) v.Add("endsOn", "Validation.Required");
        }
        if (input.StartsOn is { } s && input.EndsOn is { } end && end < s) v.Add("endsOn", "Validation.DateOrder");
        if (input.EnrolmentOpensAt is { } o && input.EnrolmentClosesAt is { } cl && cl <= o) v.Add("enrolmentClosesAt", "Validation.DateOrder");
        if (input.Seats is { } seats && (seats < 1 || seats > 1_000_000)) v.Add("seats", "Validation.Range", 1, 1_000_000);
        var instructors = (input.Instructors ?? []).Distinct().ToList();
        if (instructors.Count > MaxInstructors) v.Add("instructors", "Validation.TooMany", MaxInstructors);
        else if (instructors.Count > 0 && await db.Users.CountAsync(u => instructors.Contains(u.Id), ct) != instructors.Count)
            v.Add("instructors", "Academy.UnknownUser");
        if (!v.IsValid) return null;
        e.Name = name!;
        e.Mode = mode;
        e.Language = language;
        e.Venue = venue;
        e.City = city;
        e.CountryCode = country;
        e.TimeZone = zone!;
        e.StartsOn = input.StartsOn;
        e.EndsOn = input.EndsOn;
        e.EnrolmentOpensAt = input.EnrolmentOpensAt;
        e.EnrolmentClosesAt = input.EnrolmentClosesAt;
        e.Seats = input.Seats;
        e.SelfEnrolment = input.SelfEnrolment ?? (isNew ? mode != EditionMode.OnSite : e.SelfEnrolment);
        e.RequiresApproval = input.RequiresApproval ?? (!isNew && e.RequiresApproval);
        if (input.Cancelled is { } cancelled) e.Cancelled = cancelled;
        return instructors;
    }

    /// <summary>The cohort's private forum category; its members are the edition's enrolled learners and instructors.</summary>
    private async Task AddForumCategoryAsync(Edition edition, Course course, CancellationToken ct)
    {
        var stem = Slugs.From($"{course.Code}-{edition.Name}", ForumLimits.Slug - 4);
        var slug = await Slugs.UniqueAsync(stem.Length > 0 ? stem : "cohort", s => db.ForumCategories.AnyAsync(c => c.Slug == s, ct));
        var category = new ForumCategory
        {
            Slug = slug,
            Access = CategoryAccess.Private,
            Name = new LocalizedText
            {
                En = Trim($"{course.Title.For("en")} — {edition.Name}", 200),
                Es = course.Title.Es is null ? null : Trim($"{course.Title.Es} — {edition.Name}", 200),
                Pt = course.Title.Pt is null ? null : Trim($"{course.Title.Pt} — {edition.Name}", 200),
                Fr = course.Title.Fr is null ? null : Trim($"{course.Title.Fr} — {edition.Name}", 200),
            },
            Description = new LocalizedText { En = "", Es = null },
            CountryCode = edition.CountryCode,
            Position = 1000,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ForumCategories.Add(category);
        edition.ForumCategoryId = category.Id;
        foreach (var u in await db.EditionInstructors.Where(i => i.EditionId == edition.Id).Select(i => i.UserId).ToListAsync(ct))
            db.ForumCategoryMembers.Add(new ForumCategoryMember { CategoryId = category.Id, UserId = u });
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    // ---------- sessions and attendance ----------

    public async Task<Outcome<IReadOnlyList<SessionDto>>> SessionsAsync(Actor actor, Guid editionId, CancellationToken ct)
    {
        var e = await FindAsync(actor, editionId, ct);
        if (e is null) return Outcome<IReadOnlyList<SessionDto>>.NotFound();
        var sessions = await db.EditionSessions.AsNoTracking().Where(s => s.EditionId == editionId).OrderBy(s => s.StartsAt).ToListAsync(ct);
        return Outcome<IReadOnlyList<SessionDto>>.Ok(sessions.Select(s => ToDto(s, e.TimeZone)).ToList());
    }

    public async Task<Outcome<SessionDto>> AddSessionAsync(Actor actor, Guid editionId, SessionInput input, CancellationToken ct)
    {
        var e = await FindAsync(actor, editionId, ct);
        if (e is null) return Outcome<SessionDto>.NotFound();
        if (!AcademyPolicy.CanTeach(actor, await InstructorsOfAsync(editionId, ct))) return Outcome<SessionDto>.Forbidden();
        var v = new Validation(l);
        var title = v.Text("title", input.Title, AcademyLimits.Title) ?? "";
        DateTimeOffset? start = null, end = null;
        if (input.Start is null) v.Add("start", "Validation.Required");
        else if ((start = EventTime.FromLocal(input.Start.Value, e.TimeZone)) is null) v.Add("start", "Academy.SkippedTime");
        if (input.End is null) v.Add("end", "Validation.Required");
        else if ((end = EventTime.FromLocal(input.End.Value, e.TimeZone)) is null) v.Add("end", "Academy.SkippedTime");
        if (start is not null && end is not null && end <= start) v.Add("end", "Validation.DateOrder");
        if (await db.EditionSessions.CountAsync(s => s.EditionId == editionId, ct) >= 500) v.Add("start", "Validation.TooMany", 500);
        if (!v.IsValid) return Outcome<SessionDto>.Invalid(v.Errors);
        var session = new EditionSession { EditionId = editionId, StartsAt = start!.Value, EndsAt = end!.Value, Title = title };
        db.EditionSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Outcome<SessionDto>.Ok(ToDto(session, e.TimeZone));
    }

    public async Task<Outcome<bool>> DeleteSessionAsync(Actor actor, Guid sessionId, CancellationToken ct)
    {
        var session = await db.EditionSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || await FindAsync(actor, session.EditionId, ct) is null) return Outcome<bool>.NotFound();
        if (!AcademyPolicy.CanTeach(actor, await InstructorsOfAsync(session.EditionId, ct))) return Outcome<bool>.Forbidden();
        if (await db.Attendances.AnyAsync(a => a.SessionId == sessionId, ct)) return Outcome<bool>.Conflict(l["Academy.SessionHasAttendance"]);
        db.EditionSessions.Remove(session);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The attendance sheet of a session: every learner enrolled (or completed) in the edition, with their mark.</summary>
    public async Task<Outcome<AttendanceSheetDto>> AttendanceAsync(Actor actor, Guid sessionId, CancellationToken ct)
    {
        var session = await db.EditionSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return Outcome<AttendanceSheetDto>.NotFound();
        var e = await FindAsync(actor, session.EditionId, ct);
        if (e is null) return Outcome<AttendanceSheetDto>.NotFound();
        if (!AcademyPolicy.CanTeach(actor, await InstructorsOfAsync(e.Id, ct))) return Outcome<AttendanceSheetDto>.Forbidden();
        var rows = await (from en in db.Enrolments.AsNoTracking()
                          join le in db.Learners.AsNoTracking() on en.LearnerId equals le.Id
                          where en.EditionId == e.Id && (en.Status == EnrolmentStatus.Enrolled || en.Status == EnrolmentStatus.Completed)
                          orderby le.FullName
                          select new { en.Id, en.LearnerId, le.FullName }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var marks = await db.Attendances.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrolmentId, a => a.Mark, ct);
        var sessions = await db.EditionSessions.CountAsync(s => s.EditionId == e.Id, ct);
        var all = (await db.Attendances.AsNoTracking().Where(a => ids.Contains(a.EnrolmentId)).Select(a => new { a.EnrolmentId, a.Mark }).ToListAsync(ct))
            .GroupBy(a => a.EnrolmentId).ToDictionary(g => g.Key, g => g.Select(a => a.Mark).ToList());
        return Outcome<AttendanceSheetDto>.Ok(new AttendanceSheetDto(ToDto(session, e.TimeZone), rows.Select(r => new AttendanceRowDto(
            r.Id, r.LearnerId, r.FullName, marks.TryGetValue(r.Id, out var m) ? AcademyCodes.Code(m) : null,
            all.TryGetValue(r.Id, out var list) ? ProgressService.Attendance(sessions, list) : null)).ToList()));
    }

    /// <summary>Records marks for learners of the edition (all valid or none saved), then recomputes their progress.</summary>
    public async Task<Outcome<AttendanceSheetDto>> RecordAttendanceAsync(Actor actor, Guid sessionId, AttendanceInput input, CancellationToken ct)
    {
        var session = await db.EditionSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return Outcome<AttendanceSheetDto>.NotFound();
        var e = await FindAsync(actor, session.EditionId, ct);
        if (e is null) return Outcome<AttendanceSheetDto>.NotFound();
        if (!AcademyPolicy.CanTeach(actor, await InstructorsOfAsync(e.Id, ct))) return Outcome<AttendanceSheetDto>.Forbidden();
        var v = new Validation(l);
        var marks = input.Marks ?? [];
        if (marks.Count == 0) v.Add("marks", "Validation.Required");
        if (marks.Count > 5000) v.Add("marks", "Validation.TooMany", 5000);
        var ids = marks.Select(m => m.EnrolmentId).Distinct().ToList();
        if (ids.Count != marks.Count) v.Add("marks", "Academy.DuplicateLearner");
        var valid = await db.Enrolments.Where(x => ids.Contains(x.Id) && x.EditionId == e.Id
            && (x.Status == EnrolmentStatus.Enrolled || x.Status == EnrolmentStatus.Completed)).Select(x => x.Id).ToListAsync(ct);
        var parsed = new List<(Guid Enrolment, AttendanceMark Mark)>();
        for (var i = 0; i < marks.Count; i++)
        {
            if (!valid.Contains(marks[i].EnrolmentId)) v.Add($"marks[{i}].enrolmentId", "Academy.NotInEdition");
            if (AcademyCodes.Parse<AttendanceMark>(v, $"marks[{i}].mark", marks[i].Mark, required: true) is { } mark) parsed.Add((marks[i].EnrolmentId, mark));
        }
        if (!v.IsValid) return Outcome<AttendanceSheetDto>.Invalid(v.Errors);
        var existing = await db.Attendances.Where(a => a.SessionId == sessionId && ids.Contains(a.EnrolmentId)).ToDictionaryAsync(a => a.EnrolmentId, ct);
        var now = clock.GetUtcNow();
        foreach (var (enrolment, mark) in parsed)
        {
            if (existing.TryGetValue(enrolment, out var row)) { row.Mark = mark; row.RecordedBy = actor.UserId ?? Guid.Empty; row.RecordedAt = now; }
            else db.Attendances.Add(new Attendance { SessionId = sessionId, EnrolmentId = enrolment, Mark = mark, RecordedBy = actor.UserId ?? Guid.Empty, RecordedAt = now });
        }
        var present = parsed.Where(p => p.Mark is AttendanceMark.Present or AttendanceMark.Late).Select(p => p.Enrolment).ToList();
        var learners = await db.Enrolments.Where(x => present.Contains(x.Id)).Select(x => new { x.Id, x.LearnerId }).ToListAsync(ct);
        foreach (var x in learners)
            Records.AcademyStatements.Queue(db, new Records.AcademyLearningEvent($"session-attended:{sessionId}:{x.Id}",
                Records.AcademyStatements.Verbs.Attended, x.LearnerId, $"academy/sessions/{sessionId}", string.IsNullOrEmpty(session.Title) ? "Session" : session.Title,
                Records.AcademyStatements.ActivityTypes.Meeting, x.Id, session.StartsAt));
        await db.SaveChangesAsync(ct);
        foreach (var id in ids) await progress.RecomputeAsync(id, ct);
        return await AttendanceAsync(actor, sessionId, ct);
    }

    public static SessionDto ToDto(EditionSession s, string zone) =>
        new(s.Id, s.StartsAt, s.EndsAt, Local(s.StartsAt, zone), Local(s.EndsAt, zone), zone, s.Title);

    private static string Local(DateTimeOffset t, string zone) => EventTime.Local(t, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public async Task<EditionDto> ToDtoAsync(Edition e, string language, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == e.CourseId, ct);
        var counts = await db.Enrolments.Where(x => x.EditionId == e.Id && (x.Status == EnrolmentStatus.Enrolled || x.Status == EnrolmentStatus.Completed || x.Status == EnrolmentStatus.Waitlisted))
            .GroupBy(x => x.Status == EnrolmentStatus.Waitlisted).Select(g => new { Waiting = g.Key, Count = g.Count() }).ToListAsync(ct);
        var instructors = await (from i in db.EditionInstructors
                                 where i.EditionId == e.Id
                                 join u in db.Users on i.UserId equals u.Id
                                 orderby u.DisplayName
                                 select new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
        var forum = e.ForumCategoryId is { } f ? await db.ForumCategories.Where(c => c.Id == f).Select(c => c.Slug).FirstOrDefaultAsync(ct) : null;
        var sessions = await db.EditionSessions.CountAsync(s => s.EditionId == e.Id, ct);
        return new EditionDto(e.Id, e.CourseId, course.Code, course.Slug, course.Title.For(language), e.Name, e.Mode, e.Language, e.Venue, e.City,
            e.CountryCode, e.TimeZone, e.StartsOn, e.EndsOn, e.EnrolmentOpensAt, e.EnrolmentClosesAt, e.Seats,
            counts.Where(c => !c.Waiting).Sum(c => c.Count), counts.Where(c => c.Waiting).Sum(c => c.Count), e.SelfEnrolment, e.RequiresApproval,
            e.Cancelled, EnrolmentOpen(e, clock.GetUtcNow()), instructors, e.ForumCategoryId, forum is null ? null : "/forums/" + forum, sessions,
            "/academy/editions/" + e.Id);
    }
}
