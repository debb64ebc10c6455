using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Community.Forums;

/// <summary>Demo forums: three open categories, one private group, a few conversations between the demo accounts.</summary>
public static class ForumDemo
{
    public static async Task SeedAsync(HemisphereDb db, CancellationToken ct = default)
    {
        if (await db.ForumCategories.AnyAsync(ct)) return;
        var users = await db.Users.Where(u => u.Email!.EndsWith("@demo.hemisphere.local")).ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id, ct);
        Guid User(string role) => users.TryGetValue(role, out var id) ? id : users.Values.First();

        ForumCategory Category(string slug, int position, string en, string es, string descEn, string descEs, CategoryAccess access = CategoryAccess.Members, string? theme = null, string? country = null)
        {
            var c = new ForumCategory
            {
                Slug = slug,
                Position = position,
                Access = access,
                Theme = theme,
                CountryCode = country,
                Name = new LocalizedText { En = en, Es = es },
                Description = new LocalizedText { En = descEn, Es = descEs },
            };
            db.ForumCategories.Add(c);
            return c;
        }

        var prevention = Category("prevention-network", 1, "Crime and violence prevention network", "Red de prevención del delito y la violencia",
            "Experiences, questions and events of the inter-American prevention network.", "Experiencias, preguntas y eventos de la red interamericana de prevención.", theme: "crime-prevention");
        var training = Category("police-training", 2, "Police training and professionalization", "Capacitación y profesionalización policial",
            "Curricula, instructors, on-site and virtual courses.", "Currículos, instructores, cursos presenciales y virtuales.", theme: "police-training");
        Category("guatemala", 3, "Guatemala", "Guatemala", "The network in Guatemala.", "La red en Guatemala.", country: "GT");
        var focal = Category("focal-points-smuggling", 4, "Focal points: migrant smuggling", "Puntos focales: tráfico ilícito de migrantes",
            "Private group of the programme's national focal points.", "Grupo privado de los puntos focales nacionales del programa.", CategoryAccess.Private, "migrant-smuggling");
        db.ForumCategoryMembers.Add(new ForumCategoryMember { CategoryId = focal.Id, UserId = User("focalpoint") });

        var start = DateTimeOffset.UtcNow.AddDays(-20);
        void Topic(ForumCategory c, string title, params (string Role, string Body)[] posts)
        {
            var t = new ForumTopic { CategoryId = c.Id, Title = title, AuthorId = User(posts[0].Role), CreatedAt = start };
            db.ForumTopics.Add(t);
            foreach (var (role, body) in posts)
            {
                start = start.AddHours(7);
                db.ForumPosts.Add(new ForumPost { TopicId = t.Id, AuthorId = User(role), Body = body, CreatedAt = start });
                t.PostCount++;
                t.LastPostAt = start;
            }
            db.ForumFollows.Add(new ForumFollow { UserId = t.AuthorId, TopicId = t.Id });
        }

        Topic(prevention, "¿Cómo medir el efecto de un programa municipal de prevención?",
            ("focalpoint", "Estamos diseñando la evaluación de un plan municipal de **prevención del delito**. ¿Alguien usó encuestas de victimización en el nivel de barrio?"),
            ("editor", "Sí: en el piloto usamos la encuesta cada seis meses y los registros de llamadas al 911. Ver la guía en la biblioteca: [planes municipales](/library/guia-planes-municipales-prevencion-delito)."),
            ("learner", "Gracias. ¿Cuántos barrios de comparación usaron?"));
        Topic(prevention, "Hot spots policing in small towns: does it scale down?",
            ("instructor", "Most evidence on hot spots policing comes from large cities. Has anyone tried it in towns under 50,000 people?"),
            ("moderator", "The catalogue entry summarises the reviews: [Hot-spots policing](/interventions/hot-spots-policing). Displacement was rare in the studies."));
        Topic(training, "Materiales del curso de instructores 2025",
            ("instructor", "Subí los materiales del módulo 3 (uso de la fuerza) a la biblioteca. Comentarios bienvenidos."),
            ("learner", "Muy útiles. ¿Habrá una versión para conexiones lentas?"),
            ("instructor", "Sí, una versión en texto sin videos; la publicaremos este mes."));
        Topic(focal, "Alert codes for the next exercise",
            ("focalpoint", "Please confirm the handling codes we agreed for the tabletop exercise."));
        await db.SaveChangesAsync(ct);
    }
}
