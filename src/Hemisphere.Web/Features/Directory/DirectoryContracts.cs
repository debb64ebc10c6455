namespace Hemisphere.Features.Directory;

public sealed record LocalizedNames(string En, string? Es, string? Pt, string? Fr);

public sealed record MembershipEventDto(Guid Id, DateOnly EffectiveOn, string Precision, string Change, string? Reference, string? Note);

public sealed record MemberStateDto(
    string Code,
    string Alpha3,
    string Name,
    LocalizedNames Names,
    string Status,
    bool Active,
    DateOnly AsOf,
    DateOnly? MemberSince,
    IReadOnlyList<MembershipEventDto>? History);

public sealed record MembershipEventInput(DateOnly? EffectiveOn, string? Change, string? Reference, string? Note);

public sealed record CertificationDto(Guid Id, string Standard, string Scope, string? CertifyingBody, DateOnly CertifiedOn, DateOnly? ValidUntil, bool Current);

public sealed record InstitutionDto(
    Guid Id,
    string Name,
    string? Acronym,
    InstitutionKind Kind,
    string? CountryCode,
    Guid? ParentId,
    string? ParentName,
    string? Website,
    string? Description,
    IReadOnlyList<CertificationDto> Certifications,
    DateTimeOffset UpdatedAt);

public sealed record InstitutionInput(
    string? Name,
    string? Acronym,
    InstitutionKind? Kind,
    string? CountryCode,
    Guid? ParentId,
    string? Website,
    string? Description);

public sealed record CertificationInput(string? Standard, string? Scope, string? CertifyingBody, DateOnly? CertifiedOn, DateOnly? ValidUntil);

public sealed record PersonDto(
    Guid Id,
    string FullName,
    string? Title,
    Guid? InstitutionId,
    string? InstitutionName,
    string? CountryCode,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Expertise,
    string? Biography,
    string? Email,
    ProfileVisibility Visibility,
    Guid? UserId);

public sealed record PersonInput(
    string? FullName,
    string? Title,
    Guid? InstitutionId,
    string? CountryCode,
    List<string>? Languages,
    List<string>? Expertise,
    string? Biography,
    string? Email,
    ProfileVisibility? Visibility);

public sealed record InstitutionFilter(string? Q, string? Country, InstitutionKind? Kind, Guid? ParentId, bool? Certified);

public sealed record PersonFilter(string? Q, string? Country, Guid? InstitutionId, string? Language, string? Expertise);
