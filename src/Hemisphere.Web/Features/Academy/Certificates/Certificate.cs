using System.Security.Cryptography;
using Hemisphere.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Academy.Certificates;

/// <summary>
/// A certificate of completion, issued once per enrolment when the academy's "academy.completed" event is
/// carried out. It keeps the facts it certifies as they were at issue (holder's name, course title, hours,
/// grade, edition), so the PDF, rendered on request, and the public verification page never change when the
/// course or the edition is edited later. A reissue (after a name correction) makes a new certificate with a
/// new code; the old one is superseded and points to it, so its verification page still answers.
/// When an active accreditation covers the completion date, the university, credits and agreement reference are
/// copied in as facts at issue too. A programme certificate (<see cref="ProgrammeId"/> set) certifies every course
/// of a programme: it has no enrolment, course or edition, and its title and hours are the programme's.
/// </summary>
public sealed class Certificate : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>25 characters of Crockford base32 from a cryptographic generator (125 bits): unguessable; unique.</summary>
    public string Code { get; set; } = "";

    /// <summary>Unique among the certificates that are not superseded: one live certificate per enrolment. Null for a programme certificate.</summary>
    public Guid? EnrolmentId { get; set; }
    public Guid LearnerId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? CourseId { get; set; }
    public Guid? EditionId { get; set; }

    /// <summary>Set on a programme certificate: one live one per learner and programme.</summary>
    public Guid? ProgrammeId { get; set; }

    public string HolderName { get; set; } = "";

    /// <summary>The course's (or programme's) title in the certificate's language, and in English.</summary>
    public string CourseTitle { get; set; } = "";
    public string CourseTitleEn { get; set; } = "";
    public string CourseCode { get; set; } = "";
    public decimal Hours { get; set; }
    public decimal? Grade { get; set; }

    /// <summary>Null for a programme certificate.</summary>
    public EditionMode? EditionMode { get; set; }
    public string EditionName { get; set; } = "";

    /// <summary>On-site: venue, city and country as one line.</summary>
    public string? EditionVenue { get; set; }
    public DateOnly? EditionStartsOn { get; set; }
    public DateOnly? EditionEndsOn { get; set; }

    /// <summary>The accreditation in force at completion, and its facts as they were at issue (null without one).</summary>
    public Guid? AccreditationId { get; set; }
    public string? AccreditingUniversity { get; set; }
    public decimal? Credits { get; set; }
    public string? CreditSystem { get; set; }
    public string? AgreementReference { get; set; }

    /// <summary>The holder's language (en, es, pt, fr): the PDF is written in it.</summary>
    public string Language { get; set; } = "en";
    public DateTimeOffset CompletedAt { get; set; }
    public DateTimeOffset IssuedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Private: staff and the audit log only; the public page shows the date, never the reason.</summary>
    public string? RevocationReason { get; set; }
    public Guid? RevokedBy { get; set; }

    /// <summary>The reissue that replaced this one.</summary>
    public Guid? SupersededById { get; set; }

    /// <summary>The certificate this one reissues.</summary>
    public Guid? PreviousId { get; set; }

    /// <summary>The issuing officials, one a line ("Name, Title"), as configured at issue.</summary>
    public string Signatories { get; set; } = "";

    /// <summary>Copies the facts of the accreditation in force at completion (none: nothing is accredited).</summary>
    public void Carry(Accreditation.AccreditationFacts? accreditation)
    {
        AccreditationId = accreditation?.AccreditationId;
        AccreditingUniversity = accreditation?.University;
        Credits = accreditation?.Credits;
        CreditSystem = accreditation?.CreditSystem;
        AgreementReference = accreditation?.AgreementReference;
    }

    public bool IsRevoked => RevokedAt is not null;
    public bool IsSuperseded => SupersededById is not null;
    public bool IsProgramme => ProgrammeId is not null;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int CodeLength = 25;

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Upper case, without the dashes and spaces people type; any length (unknown codes are answered alike).</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => c is not ('-' or ' ')).Take(64).Select(char.ToUpperInvariant).ToArray());

    /// <summary>For reading aloud and typing: groups of five.</summary>
    public static string Display(string code) =>
        string.Join('-', Enumerable.Range(0, (code.Length + 4) / 5).Select(i => code.Substring(i * 5, Math.Min(5, code.Length - i * 5))));
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.Property(x => x.Code).HasMaxLength(Certificate.CodeLength);
        b.HasIndex(x => x.Code).IsUnique();
        // One live certificate per enrolment: a redelivered or concurrent completion event cannot make a second.
        b.HasIndex(x => x.EnrolmentId).IsUnique().HasFilter("\"SupersededById\" IS NULL");
        // One live certificate per learner and programme: a redelivered programme-completion event cannot make a second.
        b.HasIndex(x => new { x.LearnerId, x.ProgrammeId }).IsUnique().HasFilter("\"SupersededById\" IS NULL AND \"ProgrammeId\" IS NOT NULL");
        b.HasOne<AcademyProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.AccreditingUniversity).HasMaxLength(300);
        b.Property(x => x.Credits).HasPrecision(7, 2);
        b.Property(x => x.CreditSystem).HasMaxLength(Accreditation.AccreditationLimits.CreditSystem);
        b.Property(x => x.AgreementReference).HasMaxLength(Accreditation.AccreditationLimits.Reference);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.LearnerId);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.HolderName).HasMaxLength(200);
        b.Property(x => x.CourseTitle).HasMaxLength(AcademyLimits.Title);
        b.Property(x => x.CourseTitleEn).HasMaxLength(AcademyLimits.Title);
        b.Property(x => x.CourseCode).HasMaxLength(AcademyLimits.Code);
        b.Property(x => x.Hours).HasPrecision(7, 2);
        b.Property(x => x.Grade).HasPrecision(5, 2);
        b.Property(x => x.EditionMode).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.EditionName).HasMaxLength(AcademyLimits.Title);
        b.Property(x => x.EditionVenue).HasMaxLength(400);
        b.Property(x => x.Language).HasMaxLength(5);
        b.Property(x => x.RevocationReason).HasMaxLength(1000);
        b.Property(x => x.Signatories).HasMaxLength(2000);
        b.Ignore(x => x.IsRevoked);
        b.Ignore(x => x.IsSuperseded);
        b.Ignore(x => x.IsProgramme);
    }
}
