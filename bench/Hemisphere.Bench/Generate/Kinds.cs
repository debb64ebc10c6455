namespace Hemisphere.Bench.Generate;

/// <summary>InstitutionKind as the site stores it (enum names as strings).</summary>
public static class Kinds
{
    public const string Police = "Police";
    public const string Customs = "Customs";
    public const string Ministry = "Ministry";
    public const string PortAuthority = "PortAuthority";
    public const string University = "University";
    public const string Ngo = "Ngo";
    public const string DonorAgency = "DonorAgency";
    public const string InternationalOrganisation = "InternationalOrganisation";
}
