using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Features.Academy.Enrolments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>The learner's dashboard: every course they are in, what is next and where they stopped.</summary>
public sealed class MyModel(EnrolmentService enrolments, CertificateService certificates, IStringLocalizer<SharedResource> l) : AcademyPage
{
    public IReadOnlyList<MyCourseDto> Courses { get; private set; } = [];

    /// <summary>The code of each completed enrolment's live certificate.</summary>
    public IReadOnlyDictionary<Guid, string> Certificates { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        Courses = await enrolments.MineAsync(Actor, Language, ct);
        Certificates = await certificates.MineAsync(Actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid enrolmentId, CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        var result = Handle(await enrolments.WithdrawAsync(Actor, enrolmentId, ct), l["Academy.Enrolment.withdrawn"], _ => Redirect("/academy/my"));
        if (result is not null) return result;
        Courses = await enrolments.MineAsync(Actor, Language, ct);
        Certificates = await certificates.MineAsync(Actor, ct);
        return Page();
    }
}
