using Hemisphere.Features.Academy.Pages;
using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Mvc;

namespace Hemisphere.Features.Academy.Transcripts.Pages;

/// <summary>A transcript: the signed-in learner's own (/academy/my/transcript) or, for their managers and staff, a learner's.</summary>
public sealed class TranscriptModel(TranscriptService transcripts) : AcademyPage
{
    public TranscriptDto Transcript { get; private set; } = null!;
    public bool Mine { get; private set; }
    public string PdfUrl => Mine ? "/academy/my/transcript.pdf" : $"/academy/learners/{Transcript.LearnerId}/transcript.pdf";
    public string JsonUrl => Mine ? "/api/v1/academy/me/transcript" : $"/api/v1/academy/learners/{Transcript.LearnerId}/transcript";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        Mine = id is null;
        var outcome = id is { } learner ? await transcripts.ForLearnerAsync(Actor, learner, Language, ct) : await transcripts.MineAsync(Actor, Language, ct);
        if (outcome.Kind != OutcomeKind.Ok) return NotFound();
        Transcript = outcome.Value!;
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
