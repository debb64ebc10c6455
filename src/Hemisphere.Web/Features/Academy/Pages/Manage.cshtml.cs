using Hemisphere.Features.Academy.Editions;
using Hemisphere.Features.Academy.Enrolments;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>
/// For institution managers (and staff): self-enrolments waiting for approval, the officers they manage,
/// and enrolling one officer. Everything is limited to the manager's institutions (or countries).
/// </summary>
public sealed class ManageModel(EnrolmentService enrolments, EditionService editions, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public EnrolForm Form { get; set; } = new();

    public IReadOnlyList<EnrolmentDto> Pending { get; private set; } = [];
    public Page<LearnerDto> Learners { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<(Guid Id, string Label)> Editions { get; private set; } = [];

    public sealed class EnrolForm
    {
        public Guid? EditionId { get; set; }
        public string? Email { get; set; }
        public string? NationalId { get; set; }
        public string? Name { get; set; }
        public string? CountryCode { get; set; }
        public Guid? InstitutionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostApproveAsync(Guid enrolmentId, CancellationToken ct) =>
        Handle(await enrolments.ApproveAsync(Actor, enrolmentId, ct), l["Academy.Approved"], _ => Redirect("/academy/manage")) ?? await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostRejectAsync(Guid enrolmentId, CancellationToken ct) =>
        Handle(await enrolments.RejectAsync(Actor, enrolmentId, null, ct), l["Academy.Rejected"], _ => Redirect("/academy/manage")) ?? await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        var input = new EnrolInput(Form.EditionId, new LearnerInput(null, Form.Email, Form.NationalId, Form.Name, Form.InstitutionId, Form.CountryCode));
        var outcome = await enrolments.EnrolOtherAsync(Actor, input, EnrolmentSource.Manager, ct);
        var message = outcome.IsOk ? l["Academy.Enrolment." + AcademyCodes.Code(outcome.Value!.Status)] : "";
        return Handle(outcome, message, _ => Redirect("/academy/manage"), nameof(Form)) ?? await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        var learners = await enrolments.LearnersAsync(Actor, new LearnerQuery(Q, null, null, null, PageNumber, 50), ct);
        if (!learners.IsOk) return Forbid();
        Learners = learners.Value!;
        Pending = await enrolments.PendingAsync(Actor, Language, ct);
        Editions = await editions.EnrollableAsync(Language, ct);
        return null;
    }
}
