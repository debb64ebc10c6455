using Hemisphere.Features.Community.Forums;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Enrolments;

/// <summary>
/// Learners and their enrolments, one at a time: self-enrolment (with an optional approval by the
/// learner's institution manager), enrolment by a manager of the learner's institution, waiting lists
/// when seats run out (the first waiting learner takes a freed seat), withdrawal. Seats are allocated
/// inside a transaction that locks the edition, so two last-seat enrolments never both get in.
/// </summary>
public sealed class EnrolmentService(HemisphereDb db, Notifier notifier, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    // ---------- learners ----------

    /// <summary>The signed-in user's learner record: linked by account, else by their confirmed e-mail, else created from their profile.</summary>
    public async Task<Learner?> LearnerForAsync(Actor actor, bool create, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return null;
        var learner = await db.Learners.FirstOrDefaultAsync(x => x.UserId == me, ct);
        if (learner is not null || !create) return learner ?? await LinkByEmailAsync(me, ct);
        learner = await LinkByEmailAsync(me, ct);
        if (learner is not null) return learner;
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == me, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me, ct);
        learner = new Learner
        {
            UserId = me,
            Email = user.EmailConfirmed ? user.Email?.ToLowerInvariant() : null,
            FullName = person?.FullName ?? user.DisplayName,
            CountryCode = person?.CountryCode ?? "",
            InstitutionId = person?.InstitutionId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Learners.Add(learner);
        await db.SaveChangesAsync(ct);
        return learner;
    }

    /// <summary>A learner record a manager created with this user's confirmed e-mail becomes theirs.</summary>
    private async Task<Learner?> LinkByEmailAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is not { EmailConfirmed: true, Email: { } email }) return null;
        var lower = email.ToLowerInvariant();
        var learner = await db.Learners.FirstOrDefaultAsync(x => x.Email == lower && x.UserId == null, ct);
        if (learner is null) return null;
        learner.UserId = userId;
        await db.SaveChangesAsync(ct);
        return learner;
    }

    public async Task<Outcome<Page<LearnerDto>>> LearnersAsync(Actor actor, LearnerQuery query, CancellationToken ct)
    {
        var scope = AcademyPolicy.ManagedBy(actor);
        if (scope is null) return Outcome<Page<LearnerDto>>.Forbidden();
        var q = Scoped(db.Learners.AsNoTracking(), scope);
        if (query.Institution is { } i)
        {
            if (!scope.All && !scope.Institutions.Contains(i) && !await db.Institutions.AnyAsync(x => x.Id == i && x.CountryCode != null && scope.Countries.Contains(x.CountryCode), ct))
                return Outcome<Page<LearnerDto>>.NotFound();
            q = q.Where(x => x.InstitutionId == i);
        }
        if (!string.IsNullOrWhiteSpace(query.Country)) q = q.Where(x => x.CountryCode == query.Country.Trim().ToUpperInvariant());
        if (query.Edition is { } e) q = q.Where(x => db.Enrolments.Any(en => en.LearnerId == x.Id && en.EditionId == e));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            q = q.Where(x => EF.Functions.Like(x.FullName, pattern, "\\") || EF.Functions.Like(x.Email ?? "", pattern.ToLowerInvariant(), "\\") || x.NationalId == text);
        }
        var page = PageRequest.From(query.Page, query.PageSize, 50);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.FullName).ThenBy(x => x.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var names = await InstitutionNamesAsync(rows.Select(r => r.InstitutionId), ct);
        return Outcome<Page<LearnerDto>>.Ok(new Page<LearnerDto>(rows.Select(r => ToDto(r, names)).ToList(), total, page.Number, page.Size));
    }

    /// <summary>Learners a manager may see: of their institutions, or of their countries.</summary>
    public static IQueryable<Learner> Scoped(IQueryable<Learner> q, ManagedScope scope)
    {
        if (scope.All) return q;
        var institutions = scope.Institutions.ToList();
        var countries = scope.Countries.ToList();
        return q.Where(x => (x.InstitutionId != null && institutions.Contains(x.InstitutionId.Value)) || countries.Contains(x.CountryCode));
    }

    // ---------- enrolling ----------

    /// <summary>The signed-in member enrols in an edition that allows self-enrolment.</summary>
    public async Task<Outcome<EnrolmentDto>> EnrolSelfAsync(Actor actor, Guid editionId, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return Outcome<EnrolmentDto>.Forbidden();
        var edition = await VisibleEditionAsync(editionId, ct);
        if (edition is null) return Outcome<EnrolmentDto>.NotFound();
        if (!edition.SelfEnrolment) return Outcome<EnrolmentDto>.Forbidden();
        if (!Editions.EditionService.EnrolmentOpen(edition, clock.GetUtcNow())) return Outcome<EnrolmentDto>.Conflict(l["Academy.EnrolmentClosed"]);
        var learner = (await LearnerForAsync(actor, create: true, ct))!;
        return await EnrolAsync(actor, edition, learner, EnrolmentSource.Self, approvalNeeded: edition.RequiresApproval, ct);
    }

    /// <summary>A manager (or staff) enrols an officer of their institution; a new officer is recorded first.</summary>
    public async Task<Outcome<EnrolmentDto>> EnrolOtherAsync(Actor actor, EnrolInput input, EnrolmentSource source, CancellationToken ct)
    {
        if (AcademyPolicy.ManagedBy(actor) is null) return Outcome<EnrolmentDto>.Forbidden();
        var v = new Validation(l);
        if (input.EditionId is null) v.Add("editionId", "Validation.Required");
        var edition = input.EditionId is { } id ? await VisibleEditionAsync(id, ct) : null;
        if (input.EditionId is not null && edition is null) v.Add("editionId", "Academy.UnknownEdition");
        if (input.Learner is null) v.Add("learner", "Validation.Required");
        if (!v.IsValid) return Outcome<EnrolmentDto>.Invalid(v.Errors);
        if (edition!.Cancelled) return Outcome<EnrolmentDto>.Conflict(l["Academy.EnrolmentClosed"]);
        var resolved = await ResolveLearnerAsync(actor, input.Learner!, ct);
        if (!resolved.IsOk) return resolved.Refusal<EnrolmentDto>();
        return await EnrolAsync(actor, edition, resolved.Value!, source, approvalNeeded: false, ct);
    }

    private async Task<Outcome<Learner>> ResolveLearnerAsync(Actor actor, LearnerInput input, CancellationToken ct)
    {
        if (input.LearnerId is { } lid)
        {
            var found = await db.Learners.FirstOrDefaultAsync(x => x.Id == lid, ct);
            if (found is null || !AcademyPolicy.CanManageLearner(actor, found.InstitutionId, found.CountryCode)) return Outcome<Learner>.NotFound();
            return Outcome<Learner>.Ok(found);
        }
        var v = new Validation(l);
        var email = v.Email("learner.email", input.Email)?.ToLowerInvariant();
        var nationalId = v.Text("learner.nationalId", input.NationalId, AcademyLimits.NationalId);
        var name = v.Text("learner.name", input.Name, AcademyLimits.Name, required: true);
        var country = input.CountryCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country)) v.Add("learner.countryCode", "Validation.Required");
        else if (!await db.MemberStates.AnyAsync(m => m.Code == country, ct)) v.Add("learner.countryCode", "Validation.UnknownCountry");
        if (email is null && nationalId is null) v.Add("learner.email", "Academy.EmailOrNationalId");
        if (input.InstitutionId is { } inst && !await db.Institutions.AnyAsync(i => i.Id == inst && i.CountryCode == country, ct))
            v.Add("learner.institutionId", "Validation.UnknownInstitution");
        if (!v.IsValid) return Outcome<Learner>.Invalid(v.Errors);
        if (!AcademyPolicy.CanManageLearner(actor, input.InstitutionId, country)) return Outcome<Learner>.Forbidden();
        var existing = await db.Learners.FirstOrDefaultAsync(x => (email != null && x.Email == email) || (nationalId != null && x.CountryCode == country && x.NationalId == nationalId), ct);
        if (existing is not null)
            return AcademyPolicy.CanManageLearner(actor, existing.InstitutionId, existing.CountryCode) ? Outcome<Learner>.Ok(existing)
                : Outcome<Learner>.Conflict(l["Academy.LearnerElsewhere"]);
        var userId = email is null ? null : await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant() && u.EmailConfirmed).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is not null && await db.Learners.AnyAsync(x => x.UserId == userId, ct)) userId = null;
        var learner = new Learner { Email = email, NationalId = nationalId, FullName = name!, CountryCode = country!, InstitutionId = input.InstitutionId, UserId = userId, CreatedAt = clock.GetUtcNow() };
        db.Learners.Add(learner);
        await db.SaveChangesAsync(ct);
        return Outcome<Learner>.Ok(learner);
    }

    private async Task<Outcome<EnrolmentDto>> EnrolAsync(Actor actor, Edition edition, Learner learner, EnrolmentSource source, bool approvalNeeded, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == edition.CourseId, ct);
        if (course.Status != CourseStatus.Published) return Outcome<EnrolmentDto>.Conflict(l["Academy.CourseNotPublished"]);
        var missing = await MissingPrerequisitesAsync(course.Id, learner.Id, ct);
        if (missing.Count > 0) return Outcome<EnrolmentDto>.Conflict(l["Academy.PrerequisitesMissing", string.Join(", ", missing)]);

        var (enrolment, conflict) = await db.InTransactionAsync(async token =>
        {
            await LockAsync(edition.Id, token);
            var enrolment = await db.Enrolments.FirstOrDefaultAsync(x => x.EditionId == edition.Id && x.LearnerId == learner.Id, token);
            if (enrolment is { Status: not (EnrolmentStatus.Withdrawn or EnrolmentStatus.Rejected) }) return (enrolment, true);
            var now = clock.GetUtcNow();
            if (enrolment is null) db.Enrolments.Add(enrolment = new Enrolment { EditionId = edition.Id, LearnerId = learner.Id });
            enrolment.CourseId = edition.CourseId;
            enrolment.CountryCode = learner.CountryCode;
            enrolment.InstitutionId = learner.InstitutionId;
            enrolment.Year = edition.StartsOn?.Year ?? now.Year;
            enrolment.Source = source;
            enrolment.CreatedAt = now;
            enrolment.WithdrawnAt = null;
            enrolment.DecidedBy = source == EnrolmentSource.Self ? null : actor.UserId;
            if (approvalNeeded) enrolment.Status = EnrolmentStatus.PendingApproval;
            else await SeatAsync(edition, enrolment, now, token);
            await db.SaveChangesAsync(token);
            return (enrolment, false);
        }, ct);
        if (conflict) return Outcome<EnrolmentDto>.Conflict(l["Academy.AlreadyEnrolled"]);
        if (enrolment.Status == EnrolmentStatus.Enrolled) await JoinForumAsync(edition, learner, ct);
        return Outcome<EnrolmentDto>.Ok((await GetAsync(enrolment.Id, "en", ct))!);
    }

    /// <summary>Enrolled when a seat is free, else on the waiting list.</summary>
    private async Task SeatAsync(Edition edition, Enrolment enrolment, DateTimeOffset now, CancellationToken ct)
    {
        var taken = edition.Seats is null ? 0 : await db.Enrolments.CountAsync(x => x.EditionId == edition.Id && x.Id != enrolment.Id
            && (x.Status == EnrolmentStatus.Enrolled || x.Status == EnrolmentStatus.Completed), ct);
        if (edition.Seats is { } seats && taken >= seats)
        {
            enrolment.Status = EnrolmentStatus.Waitlisted;
            enrolment.CreatedAt = now;
        }
        else
        {
            enrolment.Status = EnrolmentStatus.Enrolled;
            enrolment.EnrolledAt = now;
        }
    }

    /// <summary>Serialises seat allocation per edition: a row lock on PostgreSQL; SQLite transactions already write one at a time.</summary>
    private async Task LockAsync(Guid editionId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Editions\" WHERE \"Id\" = {editionId} FOR UPDATE", ct);
        else
            await db.Editions.Where(e => e.Id == editionId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Cancelled, e => e.Cancelled), ct);
    }

    public async Task<IReadOnlyList<string>> MissingPrerequisitesAsync(Guid courseId, Guid learnerId, CancellationToken ct)
    {
        var codes = await db.CoursePrerequisites.Where(p => p.CourseId == courseId).Select(p => p.RequiredCode).ToListAsync(ct);
        if (codes.Count == 0) return [];
        var done = await (from e in db.Enrolments
                          join c in db.Courses on e.CourseId equals c.Id
                          where e.LearnerId == learnerId && e.Status == EnrolmentStatus.Completed && codes.Contains(c.Code)
                          select c.Code).Distinct().ToListAsync(ct);
        return codes.Except(done).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A manager of the learner's institution (or staff) approves a pending self-enrolment; it takes a seat or waits for one.</summary>
    public async Task<Outcome<EnrolmentDto>> ApproveAsync(Actor actor, Guid enrolmentId, CancellationToken ct) =>
        await DecideAsync(actor, enrolmentId, approve: true, null, ct);

    public async Task<Outcome<EnrolmentDto>> RejectAsync(Actor actor, Guid enrolmentId, string? reason, CancellationToken ct) =>
        await DecideAsync(actor, enrolmentId, approve: false, reason, ct);

    private async Task<Outcome<EnrolmentDto>> DecideAsync(Actor actor, Guid enrolmentId, bool approve, string? reason, CancellationToken ct)
    {
        var e = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == enrolmentId, ct);
        if (e is null || !await CanSeeAsync(actor, e, ct)) return Outcome<EnrolmentDto>.NotFound();
        if (!AcademyPolicy.CanManageLearner(actor, e.InstitutionId, e.CountryCode)) return Outcome<EnrolmentDto>.Forbidden();
        if (e.Status != EnrolmentStatus.PendingApproval) return Outcome<EnrolmentDto>.Conflict(l["Academy.NotPending"]);
        var v = new Validation(l);
        var why = v.Text("reason", reason, AcademyLimits.Reason);
        if (!v.IsValid) return Outcome<EnrolmentDto>.Invalid(v.Errors);
        var edition = await db.Editions.AsNoTracking().FirstAsync(x => x.Id == e.EditionId, ct);
        var courseTitle = await CourseTitleAsync(e.CourseId, ct);
        var learner = await db.Learners.AsNoTracking().FirstAsync(x => x.Id == e.LearnerId, ct);
        var enrolment = await db.InTransactionAsync(async token =>
        {
            await LockAsync(edition.Id, token);
            var enrolment = await db.Enrolments.FirstAsync(x => x.Id == enrolmentId, token);
            if (enrolment.Status != EnrolmentStatus.PendingApproval) return null;
            var now = clock.GetUtcNow();
            enrolment.DecidedBy = actor.UserId;
            if (approve) await SeatAsync(edition, enrolment, now, token);
            else enrolment.Status = EnrolmentStatus.Rejected;
            audit.Record(approve ? "academy.enrolment.approved" : "academy.enrolment.rejected", nameof(Enrolment), enrolment.Id.ToString(), new { reason = why });
            if (learner.UserId is { } user)
                notifier.Notify(user, NotificationKinds.AcademyEnrolment, "/academy/my", approve ? "Notification.AcademyApproved" : "Notification.AcademyRejected", courseTitle);
            await db.SaveChangesAsync(token);
            return enrolment;
        }, ct);
        if (enrolment is null) return Outcome<EnrolmentDto>.Conflict(l["Academy.NotPending"]);
        if (enrolment.Status == EnrolmentStatus.Enrolled) await JoinForumAsync(edition, learner, ct);
        return Outcome<EnrolmentDto>.Ok((await GetAsync(enrolment.Id, "en", ct))!);
    }

    /// <summary>The learner, their manager or staff withdraws an enrolment; a freed seat goes to the first on the waiting list.</summary>
    public async Task<Outcome<EnrolmentDto>> WithdrawAsync(Actor actor, Guid enrolmentId, CancellationToken ct)
    {
        var e = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == enrolmentId, ct);
        if (e is null || !await CanSeeAsync(actor, e, ct)) return Outcome<EnrolmentDto>.NotFound();
        var own = await db.Learners.AnyAsync(x => x.Id == e.LearnerId && x.UserId != null && x.UserId == actor.UserId, ct);
        if (!own && !AcademyPolicy.CanManageLearner(actor, e.InstitutionId, e.CountryCode)) return Outcome<EnrolmentDto>.Forbidden();
        if (e.Status is EnrolmentStatus.Withdrawn or EnrolmentStatus.Rejected or EnrolmentStatus.Completed)
            return Outcome<EnrolmentDto>.Conflict(l["Academy.CannotWithdraw"]);
        var edition = await db.Editions.AsNoTracking().FirstAsync(x => x.Id == e.EditionId, ct);
        var courseTitle = await CourseTitleAsync(edition.CourseId, ct);
        var (enrolment, promotedLearner) = await db.InTransactionAsync(async token =>
        {
            await LockAsync(edition.Id, token);
            var enrolment = await db.Enrolments.FirstAsync(x => x.Id == enrolmentId, token);
            var freedSeat = enrolment.Status == EnrolmentStatus.Enrolled;
            var now = clock.GetUtcNow();
            enrolment.Status = EnrolmentStatus.Withdrawn;
            enrolment.WithdrawnAt = now;
            Learner? promoted = null;
            if (freedSeat && edition.Seats is not null)
            {
                var next = await db.Enrolments.Where(x => x.EditionId == edition.Id && x.Status == EnrolmentStatus.Waitlisted)
                    .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).FirstOrDefaultAsync(token);
                if (next is not null)
                {
                    next.Status = EnrolmentStatus.Enrolled;
                    next.EnrolledAt = now;
                    promoted = await db.Learners.AsNoTracking().FirstAsync(x => x.Id == next.LearnerId, token);
                    if (promoted.UserId is { } user)
                        notifier.Notify(user, NotificationKinds.AcademyEnrolment, "/academy/my", "Notification.AcademyPromoted", courseTitle);
                }
            }
            await db.SaveChangesAsync(token);
            return (enrolment, promoted);
        }, ct);
        var learner = await db.Learners.AsNoTracking().FirstAsync(x => x.Id == enrolment.LearnerId, ct);
        await LeaveForumAsync(edition, learner, ct);
        if (promotedLearner is not null) await JoinForumAsync(edition, promotedLearner, ct);
        return Outcome<EnrolmentDto>.Ok((await GetAsync(enrolment.Id, "en", ct))!);
    }

    private async Task<string> CourseTitleAsync(Guid courseId, CancellationToken ct) =>
        (await db.Courses.AsNoTracking().FirstAsync(c => c.Id == courseId, ct)).Title.For("en");

    private async Task JoinForumAsync(Edition edition, Learner learner, CancellationToken ct)
    {
        if (edition.ForumCategoryId is not { } category || learner.UserId is not { } user) return;
        if (await db.ForumCategoryMembers.AnyAsync(m => m.CategoryId == category && m.UserId == user, ct)) return;
        db.ForumCategoryMembers.Add(new ForumCategoryMember { CategoryId = category, UserId = user, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    private async Task LeaveForumAsync(Edition edition, Learner learner, CancellationToken ct)
    {
        if (edition.ForumCategoryId is not { } category || learner.UserId is not { } user) return;
        await db.ForumCategoryMembers.Where(m => m.CategoryId == category && m.UserId == user).ExecuteDeleteAsync(ct);
    }

    private async Task<Edition?> VisibleEditionAsync(Guid id, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return edition is not null && await db.Courses.AnyAsync(c => c.Id == edition.CourseId && c.Status == CourseStatus.Published, ct) ? edition : null;
    }

    // ---------- reading ----------

    /// <summary>The learner themself, a manager of their institution, the edition's instructors, staff.</summary>
    public async Task<bool> CanSeeAsync(Actor actor, Enrolment e, CancellationToken ct)
    {
        if (AcademyPolicy.IsStaff(actor) || AcademyPolicy.CanManageLearner(actor, e.InstitutionId, e.CountryCode)) return true;
        if (actor.UserId is not { } me) return false;
        return await db.Learners.AnyAsync(x => x.Id == e.LearnerId && x.UserId == me, ct)
            || await db.EditionInstructors.AnyAsync(i => i.EditionId == e.EditionId && i.UserId == me, ct);
    }

    public async Task<EnrolmentDto?> GetAsync(Actor actor, Guid id, string language, CancellationToken ct)
    {
        var e = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null || !await CanSeeAsync(actor, e, ct) ? null : await GetAsync(id, language, ct);
    }

    private async Task<EnrolmentDto?> GetAsync(Guid id, string language, CancellationToken ct) =>
        (await DtosAsync(db.Enrolments.AsNoTracking().Where(e => e.Id == id), language, ct)).FirstOrDefault();

    /// <summary>The roster of an edition: staff and its instructors see everyone; managers their own learners.</summary>
    public async Task<Outcome<Page<EnrolmentDto>>> RosterAsync(Actor actor, Guid editionId, string? status, string language, PageRequest page, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return Outcome<Page<EnrolmentDto>>.NotFound();
        var teaches = actor.UserId is { } me && await db.EditionInstructors.AnyAsync(i => i.EditionId == editionId && i.UserId == me, ct);
        var q = db.Enrolments.AsNoTracking().Where(e => e.EditionId == editionId);
        if (!AcademyPolicy.IsStaff(actor) && !teaches)
        {
            var scope = AcademyPolicy.ManagedBy(actor);
            if (scope is null) return Outcome<Page<EnrolmentDto>>.Forbidden();
            var learners = Scoped(db.Learners, scope).Select(x => x.Id);
            q = q.Where(e => learners.Contains(e.LearnerId));
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var v = new Validation(l);
            if (AcademyCodes.Parse<EnrolmentStatus>(v, "status", status) is { } s) q = q.Where(e => e.Status == s);
            if (!v.IsValid) return Outcome<Page<EnrolmentDto>>.Invalid(v.Errors);
        }
        var total = await q.CountAsync(ct);
        var items = await DtosAsync(q.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size), language, ct);
        return Outcome<Page<EnrolmentDto>>.Ok(new Page<EnrolmentDto>(items, total, page.Number, page.Size));
    }

    /// <summary>Pending self-enrolments the actor may decide on.</summary>
    public async Task<IReadOnlyList<EnrolmentDto>> PendingAsync(Actor actor, string language, CancellationToken ct)
    {
        var scope = AcademyPolicy.ManagedBy(actor);
        if (scope is null) return [];
        var learners = Scoped(db.Learners, scope).Select(x => x.Id);
        return await DtosAsync(db.Enrolments.AsNoTracking().Where(e => e.Status == EnrolmentStatus.PendingApproval && learners.Contains(e.LearnerId))
            .OrderBy(e => e.CreatedAt).Take(200), language, ct);
    }

    /// <summary>The signed-in learner's enrolments, newest activity first, each with the next step and where they stopped.</summary>
    public async Task<IReadOnlyList<MyCourseDto>> MineAsync(Actor actor, string language, CancellationToken ct)
    {
        var learner = await LearnerForAsync(actor, create: false, ct);
        if (learner is null) return [];
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.LearnerId == learner.Id && e.Status != EnrolmentStatus.Rejected)
            .OrderByDescending(e => e.LastActivityAt ?? e.CreatedAt).ToListAsync(ct);
        var dtos = await DtosAsync(db.Enrolments.AsNoTracking().Where(e => e.LearnerId == learner.Id && e.Status != EnrolmentStatus.Rejected), language, ct);
        // The next step and where each course stopped, for all the learner's courses at once: four statements however many
        // courses (it was four per course), and the lessons' titles only, not their bodies.
        var active = enrolments.Where(e => e.Status is EnrolmentStatus.Enrolled or EnrolmentStatus.Completed).ToList();
        var courseIds = active.Select(e => e.CourseId).Distinct().ToList();
        var enrolmentIds = active.Select(e => e.Id).ToList();
        var outline = courseIds.Count == 0 ? [] : await (from x in db.Lessons.AsNoTracking()
                                                         join m in db.CourseModules.AsNoTracking() on x.ModuleId equals m.Id
                                                         where courseIds.Contains(x.CourseId)
                                                         orderby m.Position, x.Position
                                                         select new LessonStep(x.Id, x.CourseId, x.Kind, x.QuizId, x.Title)).ToListAsync(ct);
        var lessonsByCourse = outline.GroupBy(x => x.CourseId).ToDictionary(g => g.Key, g => g.ToList());
        var viewed = enrolmentIds.Count == 0 ? [] : (await db.LessonViews.Where(v => enrolmentIds.Contains(v.EnrolmentId)).Select(v => new { v.EnrolmentId, v.LessonId }).ToListAsync(ct))
            .GroupBy(v => v.EnrolmentId).ToDictionary(g => g.Key, g => g.Select(v => v.LessonId).ToHashSet());
        var passed = enrolmentIds.Count == 0 ? [] : (await db.QuizAttempts.Where(a => enrolmentIds.Contains(a.EnrolmentId) && a.Passed == true).Select(a => new { a.EnrolmentId, a.QuizId }).ToListAsync(ct))
            .GroupBy(a => a.EnrolmentId).ToDictionary(g => g.Key, g => g.Select(a => a.QuizId).ToHashSet());
        var byId = outline.ToDictionary(x => x.Id);
        var missing = active.Where(e => e.LastLessonId is { } id && !byId.ContainsKey(id)).Select(e => e.LastLessonId!.Value).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var x in await db.Lessons.AsNoTracking().Where(x => missing.Contains(x.Id)).Select(x => new LessonStep(x.Id, x.CourseId, x.Kind, x.QuizId, x.Title)).ToListAsync(ct))
                byId[x.Id] = x;
        var result = new List<MyCourseDto>();
        foreach (var e in enrolments)
        {
            var dto = dtos.First(d => d.Id == e.Id);
            if (e.Status is not (EnrolmentStatus.Enrolled or EnrolmentStatus.Completed)) { result.Add(new MyCourseDto(dto, null, null, null, null, e.LastActivityAt)); continue; }
            var next = Next(lessonsByCourse.GetValueOrDefault(e.CourseId) ?? [], viewed.GetValueOrDefault(e.Id) ?? [], passed.GetValueOrDefault(e.Id) ?? []);
            var resume = e.LastLessonId is { } last ? byId.GetValueOrDefault(last) : null;
            result.Add(new MyCourseDto(dto, next?.Title.For(language), next is null ? null : "/academy/lessons/" + next.Id,
                resume?.Title.For(language), resume is null ? null : "/academy/lessons/" + resume.Id, e.LastActivityAt));
        }
        return result;
    }

    private sealed record LessonStep(Guid Id, Guid CourseId, LessonKind Kind, Guid? QuizId, LocalizedText Title);

    /// <summary>The first step in course order that is not done: a lesson not viewed, or a quiz not passed.</summary>
    private static LessonStep? Next(IEnumerable<LessonStep> lessons, HashSet<Guid> viewed, HashSet<Guid> passed) =>
        lessons.FirstOrDefault(x => x.Kind == LessonKind.Quiz ? x.QuizId is { } q && !passed.Contains(q) : !viewed.Contains(x.Id));

    /// <summary>The first required step in course order that is not done: a lesson not viewed, or a quiz not passed.</summary>
    public async Task<Lesson?> NextLessonAsync(Enrolment e, CancellationToken ct)
    {
        var lessons = await (from x in db.Lessons.AsNoTracking()
                             join m in db.CourseModules.AsNoTracking() on x.ModuleId equals m.Id
                             where x.CourseId == e.CourseId
                             orderby m.Position, x.Position
                             select x).ToListAsync(ct);
        var viewed = (await db.LessonViews.Where(v => v.EnrolmentId == e.Id).Select(v => v.LessonId).ToListAsync(ct)).ToHashSet();
        var passed = (await db.QuizAttempts.Where(a => a.EnrolmentId == e.Id && a.Passed == true).Select(a => a.QuizId).ToListAsync(ct)).ToHashSet();
        return lessons.FirstOrDefault(x => x.Kind == LessonKind.Quiz ? x.QuizId is { } q && !passed.Contains(q) : !viewed.Contains(x.Id));
    }

    private async Task<List<EnrolmentDto>> DtosAsync(IQueryable<Enrolment> query, string language, CancellationToken ct)
    {
        var rows = await (from e in query
                          join ed in db.Editions on e.EditionId equals ed.Id
                          join c in db.Courses on e.CourseId equals c.Id
                          join le in db.Learners on e.LearnerId equals le.Id
                          select new { e, ed.Name, ed.Mode, c, le.FullName }).ToListAsync(ct);
        var waiting = rows.Where(r => r.e.Status == EnrolmentStatus.Waitlisted).Select(r => r.e.EditionId).Distinct().ToList();
        var queues = waiting.Count == 0 ? [] : (await db.Enrolments.AsNoTracking().Where(x => waiting.Contains(x.EditionId) && x.Status == EnrolmentStatus.Waitlisted)
                .Select(x => new { x.Id, x.EditionId, x.CreatedAt }).ToListAsync(ct))
            .GroupBy(x => x.EditionId).SelectMany(g => g.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select((x, i) => (x.Id, Position: i + 1)))
            .ToDictionary(x => x.Id, x => x.Position);
        return rows.Select(r => new EnrolmentDto(r.e.Id, r.e.EditionId, r.Name, r.Mode, r.c.Id, r.c.Code, r.c.Slug, r.c.Title.For(language),
            r.e.LearnerId, r.FullName, r.e.CountryCode, r.e.InstitutionId, r.e.Status, r.e.Source, r.e.CreatedAt, r.e.EnrolledAt, r.e.CompletedAt,
            r.e.ProgressPercent, r.e.Grade, queues.TryGetValue(r.e.Id, out var p) ? p : null, "/academy/courses/" + r.c.Slug)).ToList();
    }

    private async Task<Dictionary<Guid, string>> InstitutionNamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        return await db.Institutions.AsNoTracking().Where(i => list.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
    }

    private static LearnerDto ToDto(Learner x, Dictionary<Guid, string> names) =>
        new(x.Id, x.FullName, x.Email, x.NationalId, x.CountryCode, x.InstitutionId, x.InstitutionId is { } i ? names.GetValueOrDefault(i) : null, x.UserId is not null);
}
