using Hemisphere.Features.Academy.Curriculum;
using Microsoft.AspNetCore.Mvc;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>A lesson for an enrolled learner (the visit counts for progress), its instructors and staff.</summary>
public sealed class LessonModel(LearningService learning) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public LessonDto Lesson { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (await learning.ReadAsync(Actor, Id, Language, ct) is not { } lesson) return NotFound();
        Lesson = lesson;
        return Page();
    }
}
