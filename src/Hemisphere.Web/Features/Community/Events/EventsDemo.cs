using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Community.Events;

/// <summary>A handful of real-looking events around today: courses, a webinar, a network meeting, and a past course with its materials. Idempotent (by slug).</summary>
public static class EventsDemo
{
    private sealed record Seed(
        string Slug, LocalizedText Title, LocalizedText Description, EventKind Kind, int DaysFromToday, int LocalHour, int Hours, string Zone,
        string? Venue, string? City, string? Country, string? OnlineUrl, string? Institution, int? Capacity, EventVisibility Visibility,
        (string Title, string? Url, string? LibrarySlug)[] Materials);

    private static readonly Seed[] Seeds =
    [
        new("curso-investigacion-trata-tegucigalpa",
            new LocalizedText { En = "On-site course: investigating human trafficking", Es = "Curso presencial: investigación de la trata de personas", Pt = "Curso presencial: investigação do tráfico de pessoas", Fr = "Cours en présentiel : enquêter sur la traite des personnes" },
            new LocalizedText { En = "Five days for investigators of the police and the public prosecutor's office: victim identification, financial investigation, international cooperation. Lunch is provided.", Es = "Cinco días para investigadores de la policía y del ministerio público: identificación de víctimas, investigación financiera, cooperación internacional. Se ofrece almuerzo." },
            EventKind.InPerson, 21, 8, 8 * 24 + 9, "America/Tegucigalpa", "Academia Nacional de Policía (ANAPO)", "Tegucigalpa", "HN", null, "Academia Nacional de Policía", 30, EventVisibility.Public, []),
        new("webinar-indicadores-trata",
            new LocalizedText { En = "Webinar: indicators of human trafficking at borders", Es = "Seminario web: indicadores de trata de personas en las fronteras", Pt = "Webinário: indicadores de tráfico de pessoas nas fronteiras", Fr = "Webinaire : indicateurs de la traite des personnes aux frontières" },
            new LocalizedText { En = "How border and migration officers recognise possible victims, and what to do next. With the International Organization for Migration.", Es = "Cómo reconocen los agentes de frontera y migración a posibles víctimas y qué hacer después. Con la Organización Internacional para las Migraciones." },
            EventKind.Webinar, 10, 10, 2, "America/Panama", null, null, null, "https://meet.jit.si/hemisphere-indicadores-trata", "International Organization for Migration", 500, EventVisibility.Public, []),
        new("reunion-regional-red-prevencion",
            new LocalizedText { En = "Regional meeting of the violence prevention network", Es = "Reunión regional de la red de prevención de la violencia", Pt = "Reunião regional da rede de prevenção da violência", Fr = "Réunion régionale du réseau de prévention de la violence" },
            new LocalizedText { En = "The focal points of the network review the year's work plan and the evaluations under way. Members may follow it online.", Es = "Los puntos focales de la red revisan el plan de trabajo del año y las evaluaciones en curso. Los miembros pueden seguirla en línea." },
            EventKind.Hybrid, 45, 9, 2 * 24 + 8, "America/Costa_Rica", "Ministerio de Seguridad Pública", "San José", "CR", "https://meet.jit.si/hemisphere-red-prevencion", "Ministerio de Seguridad Pública", 40, EventVisibility.Members, []),
        new("isps-port-security-workshop-kingston",
            new LocalizedText { En = "Workshop: port facility security assessments (ISPS Code)", Es = "Taller: evaluaciones de protección de instalaciones portuarias (Código PBIP)", Fr = "Atelier : évaluations de la sûreté des installations portuaires (code ISPS)" },
            new LocalizedText { En = "Three days with port security officers of the Caribbean on assessments, drills and the declaration of security." },
            EventKind.InPerson, 70, 9, 2 * 24 + 8, "America/Jamaica", "Port Authority of Jamaica", "Kingston", "JM", null, "Port Authority of Jamaica", 25, EventVisibility.Public, []),
        new("curso-policia-comunitaria-san-pedro-sula",
            new LocalizedText { En = "Course: community policing in practice", Es = "Curso: la policía comunitaria en la práctica", Pt = "Curso: o policiamento comunitário na prática" },
            new LocalizedText { En = "Two days in San Pedro Sula with station commanders on problem-solving with neighbourhoods. The materials stay here.", Es = "Dos días en San Pedro Sula con jefes de posta sobre la resolución de problemas con los barrios. Los materiales quedan aquí." },
            EventKind.InPerson, -60, 8, 24 + 9, "America/Tegucigalpa", "Hotel Copantl", "San Pedro Sula", "HN", null, "Policía Nacional de Honduras", 35, EventVisibility.Public,
            [("Community policing guide", null, "community-policing-guide"), ("Course programme (PDF)", "https://www.oas.org/ext/en/security/", null)]),
    ];

    public static async Task SeedAsync(HemisphereDb db, CancellationToken ct = default)
    {
        var editor = await db.Users.Where(u => u.Email == "editor@demo.hemisphere.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var learner = await db.Users.Where(u => u.Email == "learner@demo.hemisphere.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var today = DateTime.UtcNow.Date;
        foreach (var s in Seeds)
        {
            if (await db.Set<Event>().AnyAsync(e => e.Slug == s.Slug, ct)) continue;
            var local = DateTime.SpecifyKind(today.AddDays(s.DaysFromToday).AddHours(s.LocalHour), DateTimeKind.Unspecified);
            var starts = EventTime.FromLocal(local, s.Zone) ?? new DateTimeOffset(local, TimeSpan.Zero);
            var institution = s.Institution is null ? null : await db.Institutions.Where(i => i.Name == s.Institution).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            var e = new Event
            {
                Slug = s.Slug,
                Title = s.Title,
                Description = s.Description,
                Kind = s.Kind,
                StartsAt = starts,
                EndsAt = starts.AddHours(s.Hours),
                TimeZone = s.Zone,
                Venue = s.Venue,
                City = s.City,
                CountryCode = s.Country,
                OnlineUrl = s.OnlineUrl,
                OrganiserInstitutionId = institution,
                OrganiserUserId = editor,
                Capacity = s.Capacity,
                Status = EventStatus.Published,
                Visibility = s.Visibility,
                Sequence = 1,
            };
            db.Add(e);
            var order = 0;
            foreach (var (title, url, librarySlug) in s.Materials)
            {
                Guid? item = librarySlug is null ? null : await db.LibraryItems.Where(i => i.Slug == librarySlug).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
                if (librarySlug is not null && item is null) continue;
                db.Add(new EventMaterial { EventId = e.Id, Title = title, Url = item is null ? url : null, LibraryItemId = item, Order = ++order });
            }
            if (learner is { } l && s.DaysFromToday is > 0 and < 30)
                db.Add(new EventRegistration { EventId = e.Id, UserId = l, Status = RegistrationStatus.Registered, RegisteredAt = DateTimeOffset.UtcNow });
            if (learner is { } p && s.DaysFromToday < 0)
                db.Add(new EventRegistration { EventId = e.Id, UserId = p, Status = RegistrationStatus.Registered, RegisteredAt = starts.AddDays(-14), Attendance = Attendance.Present });
        }
        await db.SaveChangesAsync(ct);
    }
}
