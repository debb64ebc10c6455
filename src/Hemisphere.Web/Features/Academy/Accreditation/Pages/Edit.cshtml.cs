using Hemisphere.Features.Academy.Pages;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Accreditation.Pages;

/// <summary>The academy's staff create and edit an accreditation, and upload its signed agreement.</summary>
public sealed class EditModel(AccreditationService accreditations, HemisphereDb db, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty] public AccreditationForm Form { get; set; } = new();
    public Guid? Id { get; private set; }
    public AccreditationDto? Existing { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Universities { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Courses { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Programmes { get; private set; } = [];

    public sealed class AccreditationForm
    {
        public Guid? UniversityId { get; set; }
        /// <summary>"course:GUID" or "programme:GUID".</summary>
        public string? Target { get; set; }
        public string? AgreementReference { get; set; }
        public decimal? Hours { get; set; }
        public decimal? Credits { get; set; }
        public string? CreditSystem { get; set; } = "ECTS";
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string Status { get; set; } = "draft";
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Existing is { } a)
            Form = new AccreditationForm
            {
                UniversityId = a.UniversityId,
                Target = a.CourseId is { } c ? "course:" + c : "programme:" + a.ProgrammeId,
                AgreementReference = a.AgreementReference,
                Hours = a.Hours,
                Credits = a.Credits,
                CreditSystem = a.CreditSystem,
                ValidFrom = a.ValidFrom,
                ValidTo = a.ValidTo,
                Status = a.Status,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Guid? courseId = null, programmeId = null;
        var target = Form.Target ?? "";
        if (target.StartsWith("course:", StringComparison.Ordinal) && Guid.TryParse(target[7..], out var c)) courseId = c;
        else if (target.StartsWith("programme:", StringComparison.Ordinal) && Guid.TryParse(target[10..], out var p)) programmeId = p;
        var input = new AccreditationInput(Form.UniversityId, courseId, programmeId, Form.AgreementReference, Form.Hours, Form.Credits, Form.CreditSystem,
            Form.ValidFrom, Form.ValidTo, Form.Status);
        return Handle(await accreditations.SaveAsync(Actor, id, input, ct), l["Common.Saved"], a => Redirect($"/academy/accreditations/{a.Id}/edit"), nameof(Form)) ?? Page();
    }

    public async Task<IActionResult> OnPostAgreementAsync(Guid? id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (id is not { } existing) return NotFound();
        if (file is null)
        {
            ModelState.AddModelError("file", l["Validation.Required"]);
            return Page();
        }
        await using var stream = file.OpenReadStream();
        return Handle(await accreditations.AttachAgreementAsync(Actor, existing, stream, file.FileName, ct), l["Common.Saved"],
            _ => Redirect($"/academy/accreditations/{existing}/edit")) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(Actor)) return Actor.IsSignedIn ? NotFound() : Challenge();
        Id = id;
        if (id is { } existing)
        {
            var found = await accreditations.GetAsync(Actor, existing, ct);
            if (!found.IsOk) return NotFound();
            Existing = found.Value;
        }
        Universities = (await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.University).OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Name }).ToListAsync(ct)).Select(i => (i.Id, i.Name)).ToList();
        Courses = (await db.Courses.AsNoTracking().Where(c => c.Status != CourseStatus.Archived).ToListAsync(ct))
            .OrderBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.Version).Select(c => (c.Id, $"{c.Code} v{c.Version} — {c.Title.For(Language)}")).ToList();
        Programmes = (await db.AcademyProgrammes.AsNoTracking().ToListAsync(ct)).Select(p => (p.Id, p.Title.For(Language))).OrderBy(p => p.Item2, StringComparer.CurrentCulture).ToList();
        return null;
    }
}
