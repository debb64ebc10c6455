using System.Globalization;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Directory;

/// <summary>The directory's rules: validation, scoping and the queries behind pages, API and verbs.</summary>
public sealed class DirectoryService(HemisphereDb db, IStringLocalizer<SharedResource> localizer, TimeProvider clock, DirectoryCounts counts)
{
    private static readonly HashSet<string> LanguageCodes = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName).Where(c => c.Length == 2).ToHashSet(StringComparer.OrdinalIgnoreCase);

    // ---------- Member states ----------

    public async Task<IReadOnlyList<MemberStateDto>> MemberStatesAsync(DateOnly? asOf, bool withHistory, CancellationToken ct)
    {
        var date = asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var states = await db.MemberStates.AsNoTracking().Include(s => s.Events).ToListAsync(ct);
        return states.Select(s => ToDto(s, date, withHistory)).OrderBy(s => s.Name, StringComparer.Create(CultureInfo.CurrentCulture, true)).ToList();
    }

    public async Task<MemberStateDto?> MemberStateAsync(string code, DateOnly? asOf, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var state = await db.MemberStates.AsNoTracking().Include(s => s.Events).FirstOrDefaultAsync(s => s.Code == normalized, ct);
        return state is null ? null : ToDto(state, asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), true);
    }

    public async Task<Outcome<MembershipEventDto>> RecordMembershipAsync(Actor actor, string code, MembershipEventInput input, CancellationToken ct)
    {
        if (!DirectoryPolicy.CanRecordMembership(actor)) return Outcome<MembershipEventDto>.Forbidden();
        var normalized = code.Trim().ToUpperInvariant();
        var state = await db.MemberStates.Include(s => s.Events).FirstOrDefaultAsync(s => s.Code == normalized, ct);
        if (state is null) return Outcome<MembershipEventDto>.NotFound();
        var v = new Validation(localizer);
        if (input.EffectiveOn is null) v.Add("effectiveOn", "Validation.Required");
        MembershipChange change = default;
        if (string.IsNullOrWhiteSpace(input.Change)) v.Add("change", "Validation.Required");
        else if (!Enum.TryParse(input.Change, ignoreCase: true, out change) || !Enum.IsDefined(change) || int.TryParse(input.Change, out _))
            v.Add("change", "Validation.InvalidValue");
        var reference = v.Text("reference", input.Reference, 300);
        var note = v.Text("note", input.Note, 2000);
        if (v.IsValid && !MembershipHistory.CanApply(state.Events, change, input.EffectiveOn!.Value))
            v.Add("change", "Directory.Membership.Inconsistent", localizer["Membership.InSentence." + state.StatusOn(input.EffectiveOn!.Value)]);
        if (!v.IsValid) return Outcome<MembershipEventDto>.Invalid(v.Errors);
        var e = new MembershipEvent
        {
            CountryCode = state.Code,
            EffectiveOn = input.EffectiveOn!.Value,
            Change = change,
            Reference = reference,
            Note = note,
            RecordedAt = clock.GetUtcNow(),
        };
        db.MembershipEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return Outcome<MembershipEventDto>.Ok(ToDto(e));
    }

    private MemberStateDto ToDto(MemberState s, DateOnly asOf, bool withHistory)
    {
        var status = s.StatusOn(asOf);
        var joined = s.Events.Where(e => e.Change == MembershipChange.Joined && e.EffectiveOn <= asOf).OrderBy(e => e.EffectiveOn).FirstOrDefault();
        return new MemberStateDto(
            s.Code, s.Alpha3, s.Name.Current,
            new LocalizedNames(s.Name.En, s.Name.Es, s.Name.Pt, s.Name.Fr),
            StatusName(status), status == MembershipStatus.Active, asOf,
            joined?.EffectiveOn,
            withHistory ? s.Events.OrderBy(e => e.EffectiveOn).ThenBy(e => e.RecordedAt).Select(ToDto).ToList() : null);
    }

    public static string StatusName(MembershipStatus status) => status switch
    {
        MembershipStatus.Active => "active",
        MembershipStatus.NotParticipating => "notParticipating",
        MembershipStatus.Withdrawn => "withdrawn",
        _ => "notMember",
    };

    private static MembershipEventDto ToDto(MembershipEvent e) => new(
        e.Id, e.EffectiveOn, e.Precision == DatePrecision.Year ? "year" : "day",
        JsonNamingPolicyCamel(e.Change.ToString()), e.Reference, e.Note);

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public Task<bool> CountryExistsAsync(string code, CancellationToken ct) => db.MemberStates.AnyAsync(s => s.Code == code, ct);

    // ---------- Institutions ----------

    public async Task<Page<InstitutionDto>> InstitutionsAsync(InstitutionFilter f, PageRequest page, CancellationToken ct)
    {
        var q = db.Institutions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var pattern = TextFolding.ContainsPattern(f.Q);
            q = q.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            var c = f.Country.Trim().ToUpperInvariant();
            q = q.Where(i => i.CountryCode == c);
        }
        if (f.Kind is { } k) q = q.Where(i => i.Kind == k);
        if (f.ParentId is { } p) q = q.Where(i => i.ParentId == p);
        if (f.Certified == true) q = q.Where(i => i.Certifications.Any());
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(i => i.Name).ThenBy(i => i.Id).Skip(page.Skip).Take(page.Size)
            .Select(i => new { Institution = i, ParentName = i.Parent != null ? i.Parent.Name : null, i.Certifications })
            .ToListAsync(ct);
        return new Page<InstitutionDto>(items.Select(x => ToDto(x.Institution, x.ParentName, x.Certifications)).ToList(), total, page.Number, page.Size);
    }

    public async Task<InstitutionDto?> InstitutionAsync(Guid id, CancellationToken ct)
    {
        var i = await db.Institutions.AsNoTracking().Include(x => x.Parent).Include(x => x.Certifications).FirstOrDefaultAsync(x => x.Id == id, ct);
        return i is null ? null : ToDto(i, i.Parent?.Name, i.Certifications);
    }

    public async Task<Outcome<InstitutionDto>> CreateInstitutionAsync(Actor actor, InstitutionInput input, CancellationToken ct)
    {
        var country = string.IsNullOrWhiteSpace(input.CountryCode) ? null : input.CountryCode.Trim().ToUpperInvariant();
        if (!actor.IsSignedIn || !DirectoryPolicy.CanCreateInstitution(actor, country)) return Outcome<InstitutionDto>.Forbidden();
        var institution = new Institution { CreatedAt = clock.GetUtcNow() };
        var v = await ApplyAsync(institution, input, ct);
        if (!v.IsValid) return Outcome<InstitutionDto>.Invalid(v.Errors);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);
        return Outcome<InstitutionDto>.Ok((await InstitutionAsync(institution.Id, ct))!);
    }

    public async Task<Outcome<InstitutionDto>> UpdateInstitutionAsync(Actor actor, Guid id, InstitutionInput input, CancellationToken ct)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null) return Outcome<InstitutionDto>.NotFound();
        if (!DirectoryPolicy.CanUpdateInstitution(actor, institution)) return Outcome<InstitutionDto>.Forbidden();
        var newCountry = string.IsNullOrWhiteSpace(input.CountryCode) ? null : input.CountryCode.Trim().ToUpperInvariant();
        // Moving an institution to another country needs the right to edit in that country too.
        if (newCountry != institution.CountryCode && !actor.CanEditFor(newCountry)) return Outcome<InstitutionDto>.Forbidden();
        var v = await ApplyAsync(institution, input, ct);
        if (!v.IsValid) return Outcome<InstitutionDto>.Invalid(v.Errors);
        await db.SaveChangesAsync(ct);
        return Outcome<InstitutionDto>.Ok((await InstitutionAsync(id, ct))!);
    }

    public async Task<Outcome<bool>> DeleteInstitutionAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var institution = await db.Institutions.Include(i => i.Certifications).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null) return Outcome<bool>.NotFound();
        if (!DirectoryPolicy.CanDeleteInstitution(actor, institution)) return Outcome<bool>.Forbidden();
        if (await db.Institutions.AnyAsync(i => i.ParentId == id, ct))
            return Outcome<bool>.Conflict(localizer["Directory.Institution.HasChildren"]);
        db.Institutions.Remove(institution);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<CertificationDto>> AddCertificationAsync(Actor actor, Guid institutionId, CertificationInput input, CancellationToken ct)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Id == institutionId, ct);
        if (institution is null) return Outcome<CertificationDto>.NotFound();
        if (!DirectoryPolicy.CanUpdateInstitution(actor, institution)) return Outcome<CertificationDto>.Forbidden();
        var v = new Validation(localizer);
        var standard = v.Text("standard", input.Standard, 100, required: true);
        var scope = v.Text("scope", input.Scope, 1000, required: true);
        var body = v.Text("certifyingBody", input.CertifyingBody, 200);
        if (input.CertifiedOn is null) v.Add("certifiedOn", "Validation.Required");
        if (input.CertifiedOn is { } from && input.ValidUntil is { } to && to < from) v.Add("validUntil", "Validation.DateOrder");
        if (!v.IsValid) return Outcome<CertificationDto>.Invalid(v.Errors);
        var cert = new QualityCertification
        {
            InstitutionId = institutionId,
            Standard = standard!,
            Scope = scope!,
            CertifyingBody = body,
            CertifiedOn = input.CertifiedOn!.Value,
            ValidUntil = input.ValidUntil,
        };
        db.QualityCertifications.Add(cert);
        institution.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<CertificationDto>.Ok(ToDto(cert, Today));
    }

    public async Task<Outcome<bool>> RemoveCertificationAsync(Actor actor, Guid institutionId, Guid certificationId, CancellationToken ct)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Id == institutionId, ct);
        var cert = await db.QualityCertifications.FirstOrDefaultAsync(c => c.Id == certificationId && c.InstitutionId == institutionId, ct);
        if (institution is null || cert is null) return Outcome<bool>.NotFound();
        if (!DirectoryPolicy.CanUpdateInstitution(actor, institution)) return Outcome<bool>.Forbidden();
        db.QualityCertifications.Remove(cert);
        institution.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<Validation> ApplyAsync(Institution institution, InstitutionInput input, CancellationToken ct)
    {
        var v = new Validation(localizer);
        var name = v.Text("name", input.Name, DirectoryLimits.Name, required: true);
        var acronym = v.Text("acronym", input.Acronym, DirectoryLimits.Acronym);
        var website = v.Url("website", input.Website, DirectoryLimits.Url);
        var description = v.Text("description", input.Description, DirectoryLimits.LongText);
        if (input.Kind is null) v.Add("kind", "Validation.Required");
        else if (!Enum.IsDefined(input.Kind.Value)) v.Add("kind", "Validation.InvalidValue");
        var country = await CountryAsync(v, "countryCode", input.CountryCode, ct);
        if (country is null && input.Kind is not (InstitutionKind.InternationalOrganisation or InstitutionKind.DonorAgency or InstitutionKind.Ngo) && string.IsNullOrWhiteSpace(input.CountryCode))
            v.Add("countryCode", "Validation.Required");
        if (input.ParentId is { } parentId)
        {
            if (parentId == institution.Id) v.Add("parentId", "Directory.Institution.ParentCycle");
            else if (!await db.Institutions.AnyAsync(i => i.Id == parentId, ct)) v.Add("parentId", "Validation.UnknownInstitution");
            else if (await IsDescendantAsync(parentId, institution.Id, ct)) v.Add("parentId", "Directory.Institution.ParentCycle");
        }
        if (!v.IsValid) return v;
        institution.Name = name!;
        institution.Acronym = acronym;
        institution.Kind = input.Kind!.Value;
        institution.CountryCode = country;
        institution.ParentId = input.ParentId;
        institution.Website = website;
        institution.Description = description;
        institution.SearchText = TextFolding.Fold(name, acronym);
        institution.UpdatedAt = clock.GetUtcNow();
        return v;
    }

    private async Task<bool> IsDescendantAsync(Guid candidate, Guid ancestor, CancellationToken ct)
    {
        var current = (Guid?)candidate;
        for (var depth = 0; current is { } c && depth < 50; depth++)
        {
            if (c == ancestor) return true;
            current = await db.Institutions.Where(i => i.Id == c).Select(i => i.ParentId).FirstOrDefaultAsync(ct);
        }
        return false;
    }

    private async Task<string?> CountryAsync(Validation v, string field, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length != 2 || !await db.MemberStates.AnyAsync(s => s.Code == normalized, ct))
        {
            v.Add(field, "Validation.UnknownCountry", code);
            return null;
        }
        return normalized;
    }

    private static InstitutionDto ToDto(Institution i, string? parentName, IEnumerable<QualityCertification> certs)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new InstitutionDto(i.Id, i.Name, i.Acronym, i.Kind, i.CountryCode, i.ParentId, parentName, i.Website, i.Description,
            certs.OrderByDescending(c => c.CertifiedOn).Select(c => ToDto(c, today)).ToList(), i.UpdatedAt);
    }

    private static CertificationDto ToDto(QualityCertification c, DateOnly today) =>
        new(c.Id, c.Standard, c.Scope, c.CertifyingBody, c.CertifiedOn, c.ValidUntil, c.CertifiedOn <= today && (c.ValidUntil is null || c.ValidUntil >= today));

    // ---------- People ----------

    public async Task<Page<PersonDto>> PeopleAsync(Actor actor, PersonFilter f, PageRequest page, CancellationToken ct)
    {
        var q = VisiblePeople(actor);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var pattern = TextFolding.ContainsPattern(f.Q);
            q = q.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            var c = f.Country.Trim().ToUpperInvariant();
            q = q.Where(p => p.CountryCode == c);
        }
        if (f.InstitutionId is { } inst) q = q.Where(p => p.InstitutionId == inst);
        if (!string.IsNullOrWhiteSpace(f.Language))
        {
            var lang = f.Language.Trim().ToLowerInvariant();
            q = q.Where(p => p.Languages.Contains(lang));
        }
        if (!string.IsNullOrWhiteSpace(f.Expertise))
        {
            var pattern = TextFolding.ContainsPattern(f.Expertise);
            q = q.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
        }
        var total = await counts.PeopleAsync(actor, f, () => q.CountAsync(CancellationToken.None));
        // Page through the narrow index (visibility, name, id) first, then read the twenty rows:
        // deep pages then skip index entries, not whole profiles.
        var ids = await q.OrderBy(p => p.FullName).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Size).Select(p => p.Id).ToListAsync(ct);
        var rows = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { Person = p, InstitutionName = p.Institution != null ? p.Institution.Name : null })
            .ToListAsync(ct);
        var contact = DirectoryPolicy.CanSeeContact(actor);
        var ordered = rows.OrderBy(r => ids.IndexOf(r.Person.Id)).Select(r => ToDto(r.Person, r.InstitutionName, contact)).ToList();
        return new Page<PersonDto>(ordered, total, page.Number, page.Size);
    }

    private IQueryable<Person> VisiblePeople(Actor actor)
    {
        var q = db.People.AsNoTracking();
        if (DirectoryPolicy.SeesAllProfiles(actor)) return q;
        if (!actor.IsSignedIn) return q.Where(p => p.Visibility == ProfileVisibility.Public);
        var me = actor.UserId;
        return q.Where(p => p.Visibility != ProfileVisibility.Private || p.UserId == me);
    }

    /// <summary>Null when the profile does not exist or the actor may not see it (the caller answers 404 either way).</summary>
    public async Task<PersonDto?> PersonAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Institution).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !DirectoryPolicy.CanSeePerson(actor, p)) return null;
        return ToDto(p, p.Institution?.Name, DirectoryPolicy.CanSeeContact(actor));
    }

    public async Task<Outcome<PersonDto>> CreatePersonAsync(Actor actor, PersonInput input, CancellationToken ct)
    {
        var country = string.IsNullOrWhiteSpace(input.CountryCode) ? null : input.CountryCode.Trim().ToUpperInvariant();
        if (!actor.IsSignedIn || !DirectoryPolicy.CanCreatePerson(actor, country, input.InstitutionId)) return Outcome<PersonDto>.Forbidden();
        var person = new Person { CreatedAt = clock.GetUtcNow() };
        var v = await ApplyAsync(person, input, ct);
        if (!v.IsValid) return Outcome<PersonDto>.Invalid(v.Errors);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        counts.PeopleChanged();
        return Outcome<PersonDto>.Ok((await PersonAsync(actor, person.Id, ct))!);
    }

    public async Task<Outcome<PersonDto>> UpdatePersonAsync(Actor actor, Guid id, PersonInput input, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !DirectoryPolicy.CanSeePerson(actor, person)) return Outcome<PersonDto>.NotFound();
        if (!DirectoryPolicy.CanUpdatePerson(actor, person)) return Outcome<PersonDto>.Forbidden();
        var isSelfOnly = person.UserId == actor.UserId && !actor.CanEditFor(person.CountryCode);
        // Moving a profile to another institution needs rights over the target as well (or being the person).
        if (input.InstitutionId != person.InstitutionId && !isSelfOnly && input.InstitutionId is { } target
            && !actor.CanEditFor(null) && !actor.HasRoleFor(HemisphereRole.InstitutionManager, target, null)
            && !actor.CanEditFor(await db.Institutions.Where(i => i.Id == target).Select(i => i.CountryCode).FirstOrDefaultAsync(ct)))
            return Outcome<PersonDto>.Forbidden();
        var v = await ApplyAsync(person, input, ct);
        if (!v.IsValid) return Outcome<PersonDto>.Invalid(v.Errors);
        await db.SaveChangesAsync(ct);
        counts.PeopleChanged();
        return Outcome<PersonDto>.Ok((await PersonAsync(actor, id, ct))!);
    }

    public async Task<Outcome<bool>> DeletePersonAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !DirectoryPolicy.CanSeePerson(actor, person)) return Outcome<bool>.NotFound();
        if (!DirectoryPolicy.CanDeletePerson(actor, person)) return Outcome<bool>.Forbidden();
        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
        counts.PeopleChanged();
        return Outcome<bool>.Ok(true);
    }

    private async Task<Validation> ApplyAsync(Person person, PersonInput input, CancellationToken ct)
    {
        var v = new Validation(localizer);
        var name = v.Text("fullName", input.FullName, DirectoryLimits.Name, required: true);
        var title = v.Text("title", input.Title, DirectoryLimits.Title);
        var bio = v.Text("biography", input.Biography, DirectoryLimits.LongText);
        var email = v.Email("email", input.Email);
        var languages = v.List("languages", input.Languages, 10, 3).Select(l => l.ToLowerInvariant()).ToList();
        foreach (var l in languages.Where(l => !LanguageCodes.Contains(l)))
            v.Add("languages", "Validation.InvalidLanguage", l);
        var expertise = v.List("expertise", input.Expertise, DirectoryLimits.ListCount, DirectoryLimits.ListEntry);
        var country = await CountryAsync(v, "countryCode", input.CountryCode, ct);
        if (input.InstitutionId is { } inst && !await db.Institutions.AnyAsync(i => i.Id == inst, ct))
            v.Add("institutionId", "Validation.UnknownInstitution");
        if (input.Visibility is { } vis && !Enum.IsDefined(vis)) v.Add("visibility", "Validation.InvalidValue");
        if (!v.IsValid) return v;
        person.FullName = name!;
        person.Title = title;
        person.Biography = bio;
        person.Email = email;
        person.Languages = languages;
        person.Expertise = expertise;
        person.CountryCode = country;
        person.InstitutionId = input.InstitutionId;
        person.Visibility = input.Visibility ?? person.Visibility;
        person.SearchText = TextFolding.Fold(name, title, string.Join(' ', expertise));
        person.UpdatedAt = clock.GetUtcNow();
        return v;
    }

    private static PersonDto ToDto(Person p, string? institutionName, bool contact) => new(
        p.Id, p.FullName, p.Title, p.InstitutionId, institutionName, p.CountryCode, p.Languages, p.Expertise,
        p.Biography, contact ? p.Email : null, p.Visibility, p.UserId);
}
