using Hemisphere.Features.Academy.Enrolments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>The learner's dashboard: every course they are in, what is next and where they stopped.</summary>
public sealed class MyModel(EnrolmentService enrolments, IStringLocalizer<SharedResource> l) : AcademyPage
{
    public IReadOnlyList<MyCourseDto> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        Courses = await enrolments.MineAsync(Actor, Language, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid enrolmentId, CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        var result = Handle(await enrolments.WithdrawAsync(Actor, enrolmentId, ct), l["Academy.Enrolment.withdrawn"], _ => Redirect("/academy/my"));
        if (result is not null) return result;
        Courses = await enrolments.MineAsync(Actor, Language, ct);
        return Page();
    }
}
