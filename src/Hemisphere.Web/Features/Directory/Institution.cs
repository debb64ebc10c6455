using Hemisphere.Platform.Audit;

namespace Hemisphere.Features.Directory;

public enum InstitutionKind
{
    Police,
    Customs,
    Ministry,
    PortAuthority,
    University,
    Ngo,
    DonorAgency,
    InternationalOrganisation,
}

public sealed class Institution : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public InstitutionKind Kind { get; set; }
    /// <summary>Member state; null for international organisations.</summary>
    public string? CountryCode { get; set; }
    public Guid? ParentId { get; set; }
    public Institution? Parent { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    /// <summary>Folded (lower-case, no accents) text the directory filter matches against.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<QualityCertification> Certifications { get; set; } = [];
}

/// <summary>A quality-management certification (ISO 9001 and the like) of an institution's processes.</summary>
public sealed class QualityCertification : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public string Standard { get; set; } = "";
    public string Scope { get; set; } = "";
    public string? CertifyingBody { get; set; }
    public DateOnly CertifiedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
}
