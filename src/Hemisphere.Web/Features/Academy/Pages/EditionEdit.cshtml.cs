using Hemisphere.Features.Academy.Curriculum;
using Hemisphere.Features.Academy.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>Staff open a new edition of a course.</summary>
public sealed class EditionEditModel(CurriculumService curriculum, EditionService editions, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty] public EditionForm Form { get; set; } = new();

    public CourseDto Course { get; private set; } = null!;

    public sealed class EditionForm
    {
        public string? Name { get; set; }
        public string Mode { get; set; } = "selfPaced";
        public string Language { get; set; } = "es";
        public string? Venue { get; set; }
        public string? City { get; set; }
        public string? CountryCode { get; set; }
        public string? TimeZone { get; set; } = "America/Tegucigalpa";
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public int? Seats { get; set; }
        public bool SelfEnrolment { get; set; } = true;
        public bool RequiresApproval { get; set; }
        public string? Instructors { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null) return loaded;
        var instructors = (Form.Instructors ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).ToList();
        var input = new EditionInput(Course.Id, Form.Name, Form.Mode, Form.Language, Form.Venue, Form.City, Form.CountryCode, Form.TimeZone,
            Form.StartsOn, Form.EndsOn, null, null, Form.Seats, Form.SelfEnrolment, Form.RequiresApproval, instructors, null);
        return Handle(await editions.CreateAsync(Actor, input, ct), l["Common.Saved"], e => Redirect(e.Url), nameof(Form)) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(Actor)) return Actor.IsSignedIn ? Forbid() : Challenge();
        if (await curriculum.CourseAsync(Actor, Slug, Language, ct) is not { } course) return NotFound();
        Course = course;
        return null;
    }
}
