using Hemisphere.Features.Academy.Curriculum;
using Hemisphere.Features.Academy.Editions;
using Hemisphere.Features.Academy.Enrolments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>A course: what it is, its outline, its editions with enrolment, the reader's own enrolment and progress.</summary>
public sealed class CourseModel(CurriculumService curriculum, EditionService editions, EnrolmentService enrolments, LearningService learning,
    IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";

    public CourseDto Course { get; private set; } = null!;
    public IReadOnlyList<EditionDto> Editions { get; private set; } = [];
    public IReadOnlyList<MyCourseDto> Mine { get; private set; } = [];
    public bool CanRead { get; private set; }
    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(Guid editionId, CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!await LoadAsync(ct)) return NotFound();
        var outcome = await enrolments.EnrolSelfAsync(Actor, editionId, ct);
        var message = outcome.IsOk ? l["Academy.Enrolment." + AcademyCodes.Code(outcome.Value!.Status)] : "";
        return Handle(outcome, message, _ => Redirect(Course.Url)) ?? await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostNewVersionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Handle(await curriculum.NewVersionAsync(Actor, Course.Id.ToString(), ct), l["Academy.VersionCreated"], c => Redirect(c.Url + "/edit")) ?? await ReloadAsync(ct);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await curriculum.CourseAsync(Actor, Slug, Language, ct) is not { } course) return false;
        Course = course;
        IsStaff = AcademyPolicy.IsStaff(Actor);
        Editions = await editions.ForCourseAsync(Actor, course.Id, Language, ct);
        Mine = (await enrolments.MineAsync(Actor, Language, ct)).Where(m => m.Enrolment.CourseId == course.Id).ToList();
        CanRead = await learning.CanReadCourseAsync(Actor, course.Id, ct);
        return true;
    }
}
