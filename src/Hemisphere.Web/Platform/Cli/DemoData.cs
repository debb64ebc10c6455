using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Cli;

public sealed record DemoAccount(string Role, string Email);

/// <summary>Demonstration data: one account per role and a small, real-looking directory. Idempotent.</summary>
public static class DemoData
{
    public const string Password = "hemisphere-demo-2026";

    private sealed record InstitutionSeed(string Key, string Name, string? Acronym, InstitutionKind Kind, string? Country, string? Parent = null, string? Website = null);

    private static readonly InstitutionSeed[] Institutions =
    [
        new("pnc-gt", "Policía Nacional Civil", "PNC", InstitutionKind.Police, "GT"),
        new("academia-gt", "Academia de la Policía Nacional Civil", null, InstitutionKind.Police, "GT", "pnc-gt"),
        new("mingob-gt", "Ministerio de Gobernación", "MINGOB", InstitutionKind.Ministry, "GT"),
        new("pn-hn", "Policía Nacional de Honduras", "PNH", InstitutionKind.Police, "HN"),
        new("anapo-hn", "Academia Nacional de Policía", "ANAPO", InstitutionKind.Police, "HN", "pn-hn"),
        new("seguridad-hn", "Secretaría de Seguridad", null, InstitutionKind.Ministry, "HN"),
        new("msp-cr", "Ministerio de Seguridad Pública", "MSP", InstitutionKind.Ministry, "CR"),
        new("dga-cr", "Dirección General de Aduanas", "DGA", InstitutionKind.Customs, "CR"),
        new("pnc-sv", "Policía Nacional Civil de El Salvador", "PNC", InstitutionKind.Police, "SV"),
        new("ponal-co", "Policía Nacional de Colombia", "PONAL", InstitutionKind.Police, "CO"),
        new("carabineros-cl", "Carabineros de Chile", null, InstitutionKind.Police, "CL"),
        new("pf-br", "Polícia Federal", "PF", InstitutionKind.Police, "BR"),
        new("usp-br", "Universidade de São Paulo", "USP", InstitutionKind.University, "BR", null, "https://www5.usp.br/"),
        new("rcmp-ca", "Royal Canadian Mounted Police", "RCMP", InstitutionKind.Police, "CA"),
        new("gac-ca", "Global Affairs Canada", "GAC", InstitutionKind.DonorAgency, "CA"),
        new("jcf-jm", "Jamaica Constabulary Force", "JCF", InstitutionKind.Police, "JM"),
        new("paj-jm", "Port Authority of Jamaica", "PAJ", InstitutionKind.PortAuthority, "JM"),
        new("ttps-tt", "Trinidad and Tobago Police Service", "TTPS", InstitutionKind.Police, "TT"),
        new("apn-pe", "Autoridad Portuaria Nacional", "APN", InstitutionKind.PortAuthority, "PE"),
        new("migracion-pa", "Servicio Nacional de Migración", "SNM", InstitutionKind.Ministry, "PA"),
        new("sedronar-mx", "Secretaría de Seguridad y Protección Ciudadana", "SSPC", InstitutionKind.Ministry, "MX"),
        new("ameripol", "Comunidad de Policías de América", "AMERIPOL", InstitutionKind.InternationalOrganisation, null),
        new("iom", "International Organization for Migration", "IOM", InstitutionKind.InternationalOrganisation, null),
        new("unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR", InstitutionKind.InternationalOrganisation, null),
        new("unicri", "United Nations Interregional Crime and Justice Research Institute", "UNICRI", InstitutionKind.InternationalOrganisation, null),
        new("caf", "Banco de Desarrollo de América Latina", "CAF", InstitutionKind.DonorAgency, null),
        new("aecid", "Agencia Española de Cooperación Internacional para el Desarrollo", "AECID", InstitutionKind.DonorAgency, null),
    ];

    private sealed record PersonSeed(string Name, string Title, string Institution, string Country, string[] Languages, string[] Expertise, ProfileVisibility Visibility, string Bio);

    private static readonly PersonSeed[] People =
    [
        new("María Fernanda López", "Subdirectora de Formación", "academia-gt", "GT", ["es", "en"], ["police training", "curriculum design"], ProfileVisibility.Public, "Leads the design of the on-site police course at the academy."),
        new("Carlos Andrés Mejía", "Comisionado", "pn-hn", "HN", ["es"], ["community policing", "prevención del delito"], ProfileVisibility.Public, "Coordinates community policing programmes in San Pedro Sula."),
        new("Ana Lucía Rojas", "Jefa de Análisis Criminal", "msp-cr", "CR", ["es", "en"], ["crime analysis", "statistics"], ProfileVisibility.Members, "Works on crime statistics and early-warning indicators."),
        new("João Pedro Almeida", "Professor de Segurança Pública", "usp-br", "BR", ["pt", "es", "en"], ["police education", "accreditation"], ProfileVisibility.Public, "Coordinates the universities that accredit the police network's courses."),
        new("Sophie Tremblay", "Superintendent", "rcmp-ca", "CA", ["en", "fr"], ["quality management", "ISO 9001"], ProfileVisibility.Public, "Advises police institutions on certification in quality management."),
        new("Andrew Campbell", "Deputy Superintendent", "jcf-jm", "JM", ["en"], ["port security", "ISPS Code"], ProfileVisibility.Public, "Focal point for maritime and port security."),
        new("Kavita Ramdass", "Senior Superintendent", "ttps-tt", "TT", ["en"], ["human trafficking", "victim protection"], ProfileVisibility.Members, "Investigates trafficking networks in the southern Caribbean."),
        new("Luis Alberto Quispe", "Gerente de Seguridad Portuaria", "apn-pe", "PE", ["es"], ["port security", "ISPS Code"], ProfileVisibility.Public, "Runs the port-facility security assessments."),
        new("Patricia Gómez", "Coronel", "ponal-co", "CO", ["es", "en"], ["gestión de calidad", "police management"], ProfileVisibility.Public, "Leads the quality-management office of the national police."),
        new("Valentina Soto", "Capitana", "carabineros-cl", "CL", ["es"], ["violence prevention", "youth"], ProfileVisibility.Private, "Works with schools on violence prevention."),
        new("Roberto Herrera", "Inspector", "migracion-pa", "PA", ["es", "en"], ["migrant smuggling", "border control"], ProfileVisibility.Members, "Trains border officials in victim identification."),
        new("Ana Paula Souza", "Delegada", "pf-br", "BR", ["pt", "es"], ["migrant smuggling", "international cooperation"], ProfileVisibility.Public, "Liaison officer for AMERIPOL."),
    ];

    private static readonly (HemisphereRole Role, string Local, string Name, string? Country, string? Institution)[] Accounts =
    [
        (HemisphereRole.Administrator, "admin", "Demo Administrator", null, null),
        (HemisphereRole.Editor, "editor", "Demo Editor", null, null),
        (HemisphereRole.Moderator, "moderator", "Demo Moderator", null, null),
        (HemisphereRole.Instructor, "instructor", "Demo Instructor", null, "academia-gt"),
        (HemisphereRole.Learner, "learner", "Demo Learner", null, null),
        (HemisphereRole.FocalPoint, "focalpoint", "Demo Focal Point", "PA", null),
        (HemisphereRole.InstitutionManager, "manager", "Demo Institution Manager", null, "pnc-gt"),
        // University staff: the institution-manager role scoped to a university (see docs/decisions/0005-university-staff-role.md).
        (HemisphereRole.InstitutionManager, "university", "Demo University Staff", null, "usp-br"),
        (HemisphereRole.Donor, "donor", "Demo Donor", null, null),
    ];

    public static async Task<IReadOnlyList<DemoAccount>> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HemisphereDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var ids = new Dictionary<string, Guid>();
        foreach (var seed in Institutions)
        {
            var existing = await db.Institutions.FirstOrDefaultAsync(i => i.Name == seed.Name && i.CountryCode == seed.Country, ct);
            if (existing is null)
            {
                existing = new Institution
                {
                    Name = seed.Name,
                    Acronym = seed.Acronym,
                    Kind = seed.Kind,
                    CountryCode = seed.Country,
                    ParentId = seed.Parent is null ? null : ids[seed.Parent],
                    Website = seed.Website,
                    SearchText = TextFolding.Fold(seed.Name, seed.Acronym),
                };
                db.Institutions.Add(existing);
                if (seed.Key == "ponal-co")
                    existing.Certifications.Add(new QualityCertification { Standard = "ISO 9001:2015", Scope = "Police education and training processes", CertifyingBody = "ICONTEC", CertifiedOn = new DateOnly(2016, 5, 10), ValidUntil = new DateOnly(2019, 5, 9) });
                if (seed.Key == "carabineros-cl")
                    existing.Certifications.Add(new QualityCertification { Standard = "ISO 9001:2015", Scope = "Attention to the public at police stations", CertifiedOn = new DateOnly(2017, 3, 1) });
            }
            ids[seed.Key] = existing.Id;
        }
        await db.SaveChangesAsync(ct);

        foreach (var p in People)
        {
            if (await db.People.AnyAsync(x => x.FullName == p.Name, ct)) continue;
            db.People.Add(new Person
            {
                FullName = p.Name,
                Title = p.Title,
                InstitutionId = ids[p.Institution],
                CountryCode = p.Country,
                Languages = [.. p.Languages],
                Expertise = [.. p.Expertise],
                Visibility = p.Visibility,
                Biography = p.Bio,
                SearchText = TextFolding.Fold(p.Name, p.Title, string.Join(' ', p.Expertise)),
            });
        }
        await db.SaveChangesAsync(ct);

        var result = new List<DemoAccount>();
        foreach (var (role, local, name, country, institution) in Accounts)
        {
            var email = $"{local}@demo.hemisphere.local";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User { Email = email, UserName = email, EmailConfirmed = true, DisplayName = name, PreferredLanguage = "es" };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
                Guid? institutionId = institution is null ? null : ids[institution];
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, CountryCode = country, InstitutionId = institutionId });
                db.People.Add(new Person
                {
                    UserId = user.Id,
                    FullName = name,
                    Title = role.ToString(),
                    CountryCode = country,
                    InstitutionId = institutionId,
                    Languages = ["es", "en"],
                    Visibility = ProfileVisibility.Members,
                    SearchText = TextFolding.Fold(name),
                });
                await db.SaveChangesAsync(ct);
            }
            result.Add(new DemoAccount(role.Name(), email));
        }
        await Features.Portfolio.PortfolioDemo.SeedAsync(services, ct);
        await Features.Interventions.InterventionsDemo.SeedAsync(services, ct);
        await using (var libraryScope = services.CreateAsyncScope())
        {
            await Features.Library.LibraryDemo.SeedAsync(libraryScope.ServiceProvider.GetRequiredService<HemisphereDb>(), ct);
            await Features.Community.Forums.ForumDemo.SeedAsync(libraryScope.ServiceProvider.GetRequiredService<HemisphereDb>(), ct);
            await Features.Community.Events.EventsDemo.SeedAsync(libraryScope.ServiceProvider.GetRequiredService<HemisphereDb>(), ct);
            await Features.Academy.AcademyDemo.SeedAsync(libraryScope.ServiceProvider.GetRequiredService<HemisphereDb>(), ct);
            // Directory, portfolio and catalogue records reach the index through the outbox; rebuild now
            // so that a fresh demo is searchable at once.
            await libraryScope.ServiceProvider.GetRequiredService<Search.SearchIndex>().RebuildAsync(null, ct);
        }
        return result;
    }
}
