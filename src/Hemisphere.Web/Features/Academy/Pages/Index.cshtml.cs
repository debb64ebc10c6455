using Hemisphere.Features.Academy.Accreditation;
using Hemisphere.Features.Academy.Curriculum;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>The academy's front page: the programmes of the curriculum and every published course.</summary>
public sealed class IndexModel(CurriculumService curriculum, AccreditationService accreditations) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ProgrammeDto> Programmes { get; private set; } = [];
    public Page<CourseListItem> Courses { get; private set; } = new([], 0, 1, 25);
    public bool IsStaff { get; private set; }
    public bool IsManager { get; private set; }

    /// <summary>Academy staff, or the staff of a university that accredits courses: both read accreditations.</summary>
    public bool ReadsAccreditations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsStaff = AcademyPolicy.IsStaff(Actor);
        IsManager = AcademyPolicy.ManagedBy(Actor) is not null;
        ReadsAccreditations = Actor.IsSignedIn && await accreditations.MayReadAsync(Actor, ct);
        Programmes = await curriculum.ProgrammesAsync(Actor, Language, ct);
        Courses = await curriculum.CoursesAsync(Actor, Q, null, Language, PageRequest.From(PageNumber, 25), ct);
    }
}
