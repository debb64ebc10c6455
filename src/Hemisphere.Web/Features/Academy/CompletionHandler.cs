using System.Text.Json;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Features.Academy.Programmes;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Notifications;
using Hemisphere.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy;

/// <summary>
/// Carries out a <see cref="CourseCompleted"/> event: issues the certificate (one per enrolment), then tells the
/// learner (when they have an account), linking to the certificate. Learning records hook in here. Idempotent: a
/// redelivered event neither issues a second certificate nor notifies twice. When the course completes a programme, a
/// programme-completion event is raised (its certificate is issued once, however often that event comes).
/// </summary>
public sealed class CompletionHandler(HemisphereDb db, Notifier notifier, CertificateService certificates, ProgrammeCompletion programmes) : IOutboxHandler
{
    public string Kind => CourseCompleted.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var done = JsonSerializer.Deserialize<CourseCompleted>(message.Payload) ?? throw new InvalidOperationException("Empty completion event.");
        var certificate = await certificates.IssueAsync(done, ct);
        if (certificate is not null)
        {
            Records.AcademyStatements.Queue(db, new Records.AcademyLearningEvent($"certificate-earned:{certificate.Id}",
                Records.AcademyStatements.Verbs.Earned, done.LearnerId, CertificateService.VerificationPath(certificate.Code), certificate.CourseTitleEn,
                Records.AcademyStatements.ActivityTypes.Certificate, done.EnrolmentId, certificate.IssuedAt));
            await db.SaveChangesAsync(ct);
            await programmes.RaiseAsync(done, ct);
        }
        if ((certificate?.UserId ?? done.UserId) is not { } user) return;
        var url = certificate is null ? "/academy/my" : CertificateService.VerificationPath(certificate.Code);
        var key = "Notification.AcademyCompleted";
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == done.CourseId, ct);
        if (course is null) return;
        var already = await db.Notifications.AnyAsync(n => n.UserId == user && n.Kind == NotificationKinds.AcademyCompleted && n.Args.Contains(done.EnrolmentId.ToString()), ct);
        if (already) return;
        notifier.Notify(user, NotificationKinds.AcademyCompleted, url, key, course.Title.For("en"), done.EnrolmentId.ToString());
        await db.SaveChangesAsync(ct);
    }
}
