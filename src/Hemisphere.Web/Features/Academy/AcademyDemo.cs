using Hemisphere.Features.Community.Events;
using Hemisphere.Features.Community.Forums;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy;

/// <summary>
/// The academy of the demo: the one-month on-site police course and two virtual courses (self-paced community
/// policing; a cohort on investigating trafficking in persons) with lessons in Spanish and English, three
/// programmes, editions, and learners of several member states at every stage. A university (the Universidade de São
/// Paulo of the demo directory, added when missing) accredits the on-site course for 6 ECTS credits; a past on-site
/// edition has three graduates whose completion events are in the outbox, so their certificates (and the train-the-trainer
/// programme's certificates) are issued when the outbox runs. Idempotent (by course code).
/// </summary>
public static class AcademyDemo
{
    private sealed record LessonSeed(string TitleEs, string TitleEn, string BodyEs, string BodyEn, int Minutes, string? Link = null);

    private sealed record ModuleSeed(string TitleEs, string TitleEn, LessonSeed[] Lessons);

    private sealed record CourseSeed(string Code, string TitleEs, string TitleEn, string SummaryEs, string SummaryEn, decimal Hours, int? Attendance, ModuleSeed[] Modules);

    private static readonly CourseSeed OnSite = new("POL-ONS-01",
        "Curso presencial de formación policial para instructores",
        "On-site police training course for instructors",
        "Un mes en la academia: policía orientada a la comunidad, derechos humanos, investigación criminal y técnicas de enseñanza. Quienes lo aprueban enseñan el programa en sus países.",
        "One month at the academy: community-oriented policing, human rights, criminal investigation and teaching techniques. Those who pass teach the programme in their own countries.",
        160, 80,
        [
            new("Semana 1: la policía y la comunidad", "Week 1: the police and the community",
            [
                new("Principios de la policía orientada a la comunidad", "Principles of community-oriented policing",
                    "## Por qué la comunidad\n\nLa seguridad no se produce solo desde la comisaría. Los vecinos conocen los problemas de su barrio antes que nadie: qué esquina está mal iluminada, qué casa abandonada se usa para vender droga, a qué hora salen los estudiantes.\n\n- **Presencia estable**: el mismo equipo en el mismo sector.\n- **Resolución de problemas**: atender causas, no solo incidentes.\n- **Rendición de cuentas**: reuniones periódicas con los vecinos.\n\nEn esta semana cada grupo elige un sector de la ciudad sede y prepara su diagnóstico.",
                    "## Why the community\n\nSafety is not produced by the station alone. Residents know the problems of their neighbourhood before anyone else: which corner is badly lit, which empty house is used to sell drugs, when the students leave school.\n\n- **Stable presence**: the same team in the same sector.\n- **Problem solving**: address causes, not only incidents.\n- **Accountability**: regular meetings with residents.\n\nThis week each group picks a sector of the host city and prepares its assessment.", 45),
                new("El método SARA", "The SARA method",
                    "**S**canning, **A**nálisis, **R**espuesta, **A**sesoramiento (evaluación): cuatro pasos para tratar un problema recurrente.\n\n1. Identifique el problema con datos de denuncias y con los vecinos.\n2. Analice víctimas, lugares y horarios con el triángulo del delito.\n3. Diseñe una respuesta con socios: municipalidad, escuelas, comercio.\n4. Evalúe si el problema bajó, y por qué.",
                    "**S**canning, **A**nalysis, **R**esponse, **A**ssessment: four steps to deal with a recurring problem.\n\n1. Identify the problem with crime reports and with residents.\n2. Analyse victims, places and times with the crime triangle.\n3. Design a response with partners: municipality, schools, shops.\n4. Assess whether the problem went down, and why.", 60),
            ]),
            new("Semana 2: derechos humanos y uso de la fuerza", "Week 2: human rights and the use of force",
            [
                new("Principios básicos sobre el empleo de la fuerza", "Basic principles on the use of force",
                    "Legalidad, necesidad, proporcionalidad y rendición de cuentas. Analizamos casos reales de la región y practicamos la reducción de la tensión en escenarios.",
                    "Legality, necessity, proportionality and accountability. We study real cases from the region and practise de-escalation in scenarios.", 90),
            ]),
            new("Semana 3 y 4: enseñar el programa", "Weeks 3 and 4: teaching the programme",
            [
                new("Planificar una clase para adultos", "Planning a class for adults",
                    "Los adultos aprenden de su experiencia. Cada clase parte de un caso, deja tiempo para la práctica y termina con una evaluación breve.",
                    "Adults learn from experience. Each class starts from a case, leaves time for practice and ends with a short check.", 60),
            ]),
        ]);

    private static readonly CourseSeed Community = new("POL-VIR-01",
        "Policía comunitaria: fundamentos (curso virtual)",
        "Community policing: the basics (online course)",
        "Curso virtual a su propio ritmo para funcionarios de patrulla y jefes de puesto.",
        "A self-paced online course for patrol officers and station commanders.",
        20, null,
        [
            new("Módulo 1: conceptos", "Module 1: concepts",
            [
                new("¿Qué es la policía comunitaria?", "What is community policing?",
                    "La policía comunitaria es una filosofía de trabajo: la policía y la comunidad identifican juntas los problemas de seguridad y buscan soluciones.\n\n> Un patrullaje que nadie conoce no genera confianza.",
                    "Community policing is a way of working: the police and the community identify safety problems together and look for solutions.\n\n> A patrol nobody knows builds no trust.", 20),
                new("Lectura: el Departamento de Seguridad Pública", "Reading: the Department of Public Security",
                    "Lea la presentación de los programas del Departamento y anote tres prácticas que podría aplicar en su sector.",
                    "Read the presentation of the Department's programmes and note three practices you could apply in your sector.", 15, "https://www.oas.org/ext/en/security/"),
            ]),
            new("Módulo 2: en la práctica", "Module 2: in practice",
            [
                new("Reuniones con los vecinos", "Meetings with residents",
                    "Prepare la reunión: convocatoria amplia, un orden del día corto, un acta con compromisos y fechas. Vuelva al mes siguiente con resultados.",
                    "Prepare the meeting: a wide invitation, a short agenda, minutes with commitments and dates. Come back the next month with results.", 25),
            ]),
        ]);

    private static readonly CourseSeed Trafficking = new("POL-VIR-02",
        "Investigación de la trata de personas (cohorte virtual)",
        "Investigating trafficking in persons (online cohort)",
        "Seis semanas en línea con un grupo de investigadores de la región: identificación de víctimas, investigación financiera y cooperación internacional.",
        "Six weeks online with a group of investigators from the region: victim identification, financial investigation and international cooperation.",
        40, null,
        [
            new("Identificar a las víctimas", "Identifying victims",
            [
                new("Indicadores de trata", "Indicators of trafficking",
                    "Documentos retenidos por un tercero, deudas impagables, control de los movimientos, señales de violencia. Ningún indicador basta por sí solo; juntos justifican una entrevista en un lugar seguro.",
                    "Documents held by someone else, debts that cannot be repaid, controlled movements, signs of violence. No indicator is enough alone; together they justify an interview in a safe place.", 30),
                new("Entrevistar con enfoque en la víctima", "Victim-centred interviewing",
                    "Primero la seguridad y la salud de la persona; después la investigación. Intérprete de confianza, tiempo, y ninguna promesa que no se pueda cumplir.",
                    "First the person's safety and health; then the investigation. A trusted interpreter, time, and no promise that cannot be kept.", 30),
            ]),
            new("Seguir el dinero", "Following the money",
            [
                new("Investigación financiera paralela", "Parallel financial investigation",
                    "Las redes de trata mueven dinero: remesas, cuentas de terceros, bienes a nombre de familiares. Solicite la información financiera desde el inicio del caso.",
                    "Trafficking networks move money: remittances, third-party accounts, assets in relatives' names. Ask for the financial information from the start of the case.", 40),
            ]),
        ]);

    private static readonly (string Name, string Country, string Institution, string Email, string NationalId)[] Officers =
    [
        ("María José Castillo", "GT", "Policía Nacional Civil", "mjcastillo@pnc.demo.gt", "GT-2451"), ("Carlos Enrique Paz", "GT", "Policía Nacional Civil", "cepaz@pnc.demo.gt", "GT-3310"),
        ("Ana Lucía Morales", "GT", "Academia de la Policía Nacional Civil", "amorales@pnc.demo.gt", "GT-1180"), ("José Manuel Reyes", "HN", "Policía Nacional de Honduras", "jmreyes@pnh.demo.hn", "HN-0801-1985"),
        ("Karla Yesenia Flores", "HN", "Academia Nacional de Policía", "kflores@anapo.demo.hn", "HN-0501-1990"), ("Óscar Armando Lemus", "SV", "Policía Nacional Civil de El Salvador", "olemus@pnc.demo.sv", "SV-0123"),
        ("Diana Marcela Ruiz", "CO", "Policía Nacional de Colombia", "druiz@ponal.demo.co", "CO-52123456"), ("Andrés Felipe Gómez", "CO", "Policía Nacional de Colombia", "agomez@ponal.demo.co", "CO-80123456"),
        ("Roberto Herrera Vega", "PA", "Servicio Nacional de Migración", "rherrera@migracion.demo.pa", "PA-8-765-432"), ("Shanice Williams", "JM", "Jamaica Constabulary Force", "swilliams@jcf.demo.jm", "JM-55120"),
        ("Marcus Baptiste", "TT", "Trinidad and Tobago Police Service", "mbaptiste@ttps.demo.tt", "TT-77301"), ("Juliana Pereira", "BR", "Polícia Federal", "jpereira@pf.demo.br", "BR-123.456.789-00"),
    ];

    public static async Task SeedAsync(HemisphereDb db, CancellationToken ct = default)
    {
        if (await db.Courses.AnyAsync(c => c.Code == OnSite.Code, ct)) return;
        var instructor = await db.Users.Where(u => u.Email == "instructor@demo.hemisphere.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var learnerUser = await db.Users.Where(u => u.Email == "learner@demo.hemisphere.local").Select(u => new { u.Id, u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var onSite = Add(db, OnSite, now);
        var community = Add(db, Community, now);
        var trafficking = Add(db, Trafficking, now);
        db.CoursePrerequisites.Add(new CoursePrerequisite { CourseId = onSite.Course.Id, RequiredCode = Community.Code });

        var pastStart = today.AddDays(-27);
        var pastEdition = new Edition
        {
            CourseId = onSite.Course.Id,
            Name = "Tegucigalpa " + pastStart.Year + " (I)",
            Mode = EditionMode.OnSite,
            Language = "es",
            Venue = "Academia Nacional de Policía (ANAPO)",
            City = "Tegucigalpa",
            CountryCode = "HN",
            TimeZone = "America/Tegucigalpa",
            StartsOn = pastStart,
            EndsOn = pastStart.AddDays(26),
            Seats = 30,
            CreatedAt = now,
        };
        db.Editions.Add(pastEdition);
        var university = await db.Institutions.FirstOrDefaultAsync(i => i.Kind == Directory.InstitutionKind.University && i.Name == "Universidade de São Paulo", ct);
        if (university is null)
        {
            university = new Directory.Institution
            {
                Name = "Universidade de São Paulo",
                Acronym = "USP",
                Kind = Directory.InstitutionKind.University,
                CountryCode = "BR",
                Website = "https://www5.usp.br/",
                SearchText = Platform.Search.TextFolding.Fold("Universidade de São Paulo", "USP"),
            };
            db.Institutions.Add(university);
        }
        db.Add(new Accreditation.CourseAccreditation
        {
            UniversityId = university.Id,
            CourseId = onSite.Course.Id,
            AgreementReference = "USP-OEA-DSP-2026-01",
            Hours = OnSite.Hours,
            Credits = 6,
            CreditSystem = "ECTS",
            ValidFrom = today.AddYears(-1),
            Status = Accreditation.AccreditationStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        });

        AddProgramme(db, "programa-presencial", ProgrammeKind.OnSiteCourse, "Programa presencial de formación policial", "On-site police training programme",
            "El curso de un mes en la academia para los futuros instructores nacionales.", "The one-month course at the academy for future national instructors.", onSite.Course);
        AddProgramme(db, "formacion-de-formadores", ProgrammeKind.TrainTheTrainer, "Formación de formadores", "Train the trainer",
            "Primero el curso virtual de fundamentos, después el curso presencial.", "First the online basics course, then the on-site course.", community.Course, onSite.Course);
        AddProgramme(db, "ruta-trata-y-comunidad", ProgrammeKind.Thematic, "Ruta temática: comunidad y trata de personas", "Thematic track: community and trafficking in persons",
            "Dos cursos virtuales para patrulla e investigación.", "Two online courses for patrol and investigation.", community.Course, trafficking.Course);

        // Editions: the on-site course in Tegucigalpa (next month), the self-paced course (always open), a cohort that has started.
        var onSiteEdition = new Edition
        {
            CourseId = onSite.Course.Id,
            Name = "Tegucigalpa " + today.AddDays(30).Year,
            Mode = EditionMode.OnSite,
            Language = "es",
            Venue = "Academia Nacional de Policía (ANAPO)",
            City = "Tegucigalpa",
            CountryCode = "HN",
            TimeZone = "America/Tegucigalpa",
            StartsOn = today.AddDays(30),
            EndsOn = today.AddDays(58),
            Seats = 30,
            SelfEnrolment = true,
            RequiresApproval = true,
            CreatedAt = now,
        };
        var selfPaced = new Edition
        {
            CourseId = community.Course.Id,
            Name = "Abierto todo el año",
            Mode = EditionMode.SelfPaced,
            Language = "es",
            TimeZone = "America/Panama",
            SelfEnrolment = true,
            CreatedAt = now,
        };
        var cohort = new Edition
        {
            CourseId = trafficking.Course.Id,
            Name = "Cohorte " + today.Year,
            Mode = EditionMode.Cohort,
            Language = "es",
            TimeZone = "America/Panama",
            StartsOn = today.AddDays(-14),
            EndsOn = today.AddDays(28),
            Seats = 40,
            SelfEnrolment = true,
            CreatedAt = now,
        };
        AddQuiz(db, community, "Cuestionario: fundamentos", "Quiz: the basics", 20, 3, CommunityQuestions, [("Conceptos", 3), ("Práctica", 2)]);
        AddQuiz(db, trafficking, "Evaluación del módulo", "Module assessment", 30, 2, TraffickingQuestions, [("Indicadores", 3), ("Caso", 1)]);
        db.Editions.AddRange(onSiteEdition, selfPaced, cohort);
        if (instructor is { } teacher)
            foreach (var e in new[] { onSiteEdition, cohort }) db.EditionInstructors.Add(new EditionInstructor { EditionId = e.Id, UserId = teacher });
        var category = new ForumCategory
        {
            Slug = "cohorte-trata-" + today.Year,
            Access = CategoryAccess.Private,
            Position = 1000,
            CreatedAt = now,
            Name = new LocalizedText { En = Trafficking.TitleEn + " — cohort " + today.Year, Es = Trafficking.TitleEs + " — cohorte " + today.Year },
            Description = new LocalizedText { En = "The cohort's own forum.", Es = "El foro de la cohorte." },
        };
        db.ForumCategories.Add(category);
        cohort.ForumCategoryId = category.Id;
        if (instructor is { } t2) db.ForumCategoryMembers.Add(new ForumCategoryMember { CategoryId = category.Id, UserId = t2 });
        for (var day = 0; day < 4; day++)
        {
            var local = DateTime.SpecifyKind(onSiteEdition.StartsOn!.Value.AddDays(day).ToDateTime(new TimeOnly(8, 0)), DateTimeKind.Unspecified);
            var start = EventTime.FromLocal(local, onSiteEdition.TimeZone)!.Value;
            db.EditionSessions.Add(new EditionSession { EditionId = onSiteEdition.Id, StartsAt = start, EndsAt = start.AddHours(8), Title = $"Día {day + 1}" });
        }

        // Officers of several member states; the demo learner is an officer of the Guatemalan police.
        var institutions = await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Name, i.CountryCode }).ToListAsync(ct);
        Guid? InstitutionOf(string name, string country) => institutions.FirstOrDefault(i => i.Name == name && i.CountryCode == country)?.Id;
        var learners = Officers.Select(o => new Learner { FullName = o.Name, CountryCode = o.Country, InstitutionId = InstitutionOf(o.Institution, o.Country), Email = o.Email, NationalId = o.NationalId, CreatedAt = now }).ToList();
        if (learnerUser is not null)
            learners.Insert(0, new Learner { UserId = learnerUser.Id, Email = learnerUser.Email?.ToLowerInvariant(), FullName = learnerUser.DisplayName, CountryCode = "GT", InstitutionId = InstitutionOf("Policía Nacional Civil", "GT"), CreatedAt = now });
        db.Learners.AddRange(learners);

        Enrolment Enrol(Learner l, Edition e, EnrolmentStatus status, int progress, int daysAgo)
        {
            var at = now.AddDays(-daysAgo);
            var enrolment = new Enrolment
            {
                EditionId = e.Id,
                CourseId = e.CourseId,
                LearnerId = l.Id,
                CountryCode = l.CountryCode,
                InstitutionId = l.InstitutionId,
                Year = e.StartsOn?.Year ?? at.Year,
                Status = status,
                Source = EnrolmentSource.Manager,
                CreatedAt = at,
                EnrolledAt = status is EnrolmentStatus.Enrolled or EnrolmentStatus.Completed ? at : null,
                CompletedAt = status == EnrolmentStatus.Completed ? at.AddDays(10) : null,
                ProgressPercent = progress,
                LastActivityAt = progress > 0 ? at.AddDays(Math.Min(daysAgo, 5)) : null,
            };
            db.Enrolments.Add(enrolment);
            return enrolment;
        }
        var officers = learnerUser is null ? learners : learners.Skip(1).ToList();
        for (var i = 0; i < officers.Count; i++)
        {
            var status = i % 4 == 0 ? EnrolmentStatus.Enrolled : EnrolmentStatus.Completed;
            var done = Enrol(officers[i], selfPaced, status, status == EnrolmentStatus.Completed ? 100 : 33, 40 + i);
            if (status == EnrolmentStatus.Completed)
                foreach (var lesson in community.Lessons) db.LessonViews.Add(new LessonView { EnrolmentId = done.Id, LessonId = lesson.Id, ViewedAt = done.CompletedAt!.Value });
            if (i % 2 == 0) Enrol(officers[i], cohort, EnrolmentStatus.Enrolled, 20 + i * 5, 14);
            if (i < 5) Enrol(officers[i], onSiteEdition, i < 3 ? EnrolmentStatus.Enrolled : EnrolmentStatus.PendingApproval, 0, 3);
        }
        // Three graduates of the past on-site edition (they completed the online basics first); their completion
        // events go through the outbox like any other, which issues their certificates (accredited by the university).
        foreach (var (officer, grade) in officers.Where((_, i) => i % 4 != 0).Take(3).Zip(new[] { 92.5m, 88m, 95m }))
        {
            var at = new DateTimeOffset(pastEdition.EndsOn!.Value.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
            var graduate = new Enrolment
            {
                EditionId = pastEdition.Id,
                CourseId = onSite.Course.Id,
                LearnerId = officer.Id,
                CountryCode = officer.CountryCode,
                InstitutionId = officer.InstitutionId,
                Year = pastStart.Year,
                Status = EnrolmentStatus.Completed,
                Source = EnrolmentSource.Manager,
                CreatedAt = at.AddDays(-40),
                EnrolledAt = at.AddDays(-40),
                CompletedAt = at,
                ProgressPercent = 100,
                Grade = grade,
                LastActivityAt = at,
            };
            db.Enrolments.Add(graduate);
            db.Outbox.Add(Platform.Outbox.OutboxMessage.Create(CourseCompleted.Kind,
                new CourseCompleted(graduate.Id, officer.Id, officer.UserId, onSite.Course.Id, pastEdition.Id, OnSite.Hours, grade, at)));
        }
        if (learnerUser is not null)
        {
            var mine = Enrol(learners[0], selfPaced, EnrolmentStatus.Enrolled, 33, 2);
            db.LessonViews.Add(new LessonView { EnrolmentId = mine.Id, LessonId = community.Lessons[0].Id, ViewedAt = now.AddDays(-1) });
            mine.LastLessonId = community.Lessons[0].Id;
            mine.LastActivityAt = now.AddDays(-1);
            db.ForumCategoryMembers.Add(new ForumCategoryMember { CategoryId = category.Id, UserId = learnerUser.Id });
            Enrol(learners[0], cohort, EnrolmentStatus.Enrolled, 0, 10);
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record QuestionSeed(string Category, QuestionKind Kind, string PromptEs, string PromptEn, string Definition, decimal Points = 1);

    private static readonly QuestionSeed[] CommunityQuestions =
    [
        new("Conceptos", QuestionKind.SingleChoice, "¿Qué describe mejor la policía comunitaria?", "What best describes community policing?",
            """{"choices":[{"id":"a","text":{"es":"Más patrullas en vehículo","en":"More patrols by car"}},{"id":"b","text":{"es":"Policía y comunidad identifican y resuelven juntas los problemas","en":"Police and community identify and solve problems together"},"correct":true},{"id":"c","text":{"es":"Un programa de relaciones públicas","en":"A public relations programme"}}]}"""),
        new("Conceptos", QuestionKind.TrueFalse, "Un patrullaje que nadie conoce genera confianza.", "A patrol nobody knows builds trust.", """{"correct":false}"""),
        new("Conceptos", QuestionKind.MultipleChoice, "¿Cuáles son principios de la policía comunitaria?", "Which are principles of community policing?",
            """{"choices":[{"id":"a","text":{"es":"Presencia estable en el sector","en":"Stable presence in the sector"},"correct":true},{"id":"b","text":{"es":"Resolución de problemas","en":"Problem solving"},"correct":true},{"id":"c","text":{"es":"Rotar al personal cada semana","en":"Rotating staff every week"}},{"id":"d","text":{"es":"Rendición de cuentas a los vecinos","en":"Accountability to residents"},"correct":true}]}""", 2),
        new("Conceptos", QuestionKind.ShortAnswer, "¿Cómo se llama el método de cuatro pasos para tratar un problema recurrente? (una palabra)", "What is the four-step method for a recurring problem called? (one word)",
            """{"accepted":["SARA"],"caseSensitive":false,"accentSensitive":false}"""),
        new("Práctica", QuestionKind.Ordering, "Ordene los pasos del método SARA.", "Put the steps of the SARA method in order.",
            """{"items":[{"id":"s","text":{"es":"Identificar el problema","en":"Scan for the problem"}},{"id":"a","text":{"es":"Analizarlo","en":"Analyse it"}},{"id":"r","text":{"es":"Responder con socios","en":"Respond with partners"}},{"id":"e","text":{"es":"Evaluar el resultado","en":"Assess the result"}}]}""", 2),
        new("Práctica", QuestionKind.Matching, "Relacione cada socio con lo que puede aportar.", "Match each partner with what it can bring.",
            """{"left":[{"id":"m","text":{"es":"Municipalidad","en":"Municipality"}},{"id":"e","text":{"es":"Escuela","en":"School"}},{"id":"c","text":{"es":"Comercio","en":"Shops"}}],"right":[{"id":"luz","text":{"es":"Alumbrado público","en":"Street lighting"}},{"id":"horario","text":{"es":"Horarios de salida de los estudiantes","en":"When students leave school"}},{"id":"camaras","text":{"es":"Cámaras y vigilancia de los locales","en":"Cameras and watch over the premises"}}],"pairs":{"m":"luz","e":"horario","c":"camaras"}}""", 2),
        new("Práctica", QuestionKind.Numeric, "Una reunión cada mes durante un año: ¿cuántas reuniones con los vecinos?", "One meeting a month for a year: how many meetings with residents?",
            """{"value":12,"tolerance":0}"""),
    ];

    private static readonly QuestionSeed[] TraffickingQuestions =
    [
        new("Indicadores", QuestionKind.MultipleChoice, "¿Qué indicadores justifican una entrevista en un lugar seguro?", "Which indicators justify an interview in a safe place?",
            """{"choices":[{"id":"a","text":{"es":"Documentos retenidos por un tercero","en":"Documents held by someone else"},"correct":true},{"id":"b","text":{"es":"Deudas impagables","en":"Debts that cannot be repaid"},"correct":true},{"id":"c","text":{"es":"Viajar con equipaje","en":"Travelling with luggage"}},{"id":"d","text":{"es":"Movimientos controlados","en":"Controlled movements"},"correct":true}]}""", 2),
        new("Indicadores", QuestionKind.TrueFalse, "Un solo indicador basta para identificar a una víctima.", "One indicator is enough to identify a victim.", """{"correct":false}"""),
        new("Indicadores", QuestionKind.SingleChoice, "¿Qué va primero en una entrevista con enfoque en la víctima?", "What comes first in a victim-centred interview?",
            """{"choices":[{"id":"a","text":{"es":"La seguridad y la salud de la persona","en":"The person's safety and health"},"correct":true},{"id":"b","text":{"es":"La declaración para el expediente","en":"The statement for the file"}},{"id":"c","text":{"es":"Las fotografías de los documentos","en":"Photographs of the documents"}}]}"""),
        new("Caso", QuestionKind.Essay, "Describa cómo organizaría la investigación financiera paralela de un caso de trata con víctimas en dos países.", "Describe how you would organise the parallel financial investigation of a trafficking case with victims in two countries.",
            """{"rubric":{"es":"Menciona la solicitud temprana de información financiera, las remesas y cuentas de terceros, la cooperación internacional y la protección de las víctimas.","en":"Mentions asking early for financial information, remittances and third-party accounts, international cooperation, and protecting the victims."}}""", 4),
    ];

    private static void AddQuiz(HemisphereDb db, Built built, string titleEs, string titleEn, int minutes, int attempts, QuestionSeed[] questions, (string Category, int Count)[] draws)
    {
        var course = built.Course;
        var categories = questions.Select(q => q.Category).Distinct().ToDictionary(c => c, c => new QuestionCategory { CourseId = course.Id, Name = c });
        db.QuestionCategories.AddRange(categories.Values);
        foreach (var q in questions)
            db.Questions.Add(new Question
            {
                CourseId = course.Id,
                CategoryId = categories[q.Category].Id,
                Kind = q.Kind,
                Points = q.Points,
                Definition = q.Definition,
                Prompt = new LocalizedText { En = q.PromptEn, Es = q.PromptEs },
            });
        var quiz = new Quiz
        {
            CourseId = course.Id,
            Title = new LocalizedText { En = titleEn, Es = titleEs },
            TimeLimitMinutes = minutes,
            MaxAttempts = attempts,
            PassingPercent = 70,
            Instructions = new LocalizedText { En = "Answer every question. Your answers are saved as you go.", Es = "Responda todas las preguntas. Sus respuestas se guardan a medida que avanza." },
            Feedback = FeedbackTiming.AfterSubmission,
        };
        db.Quizzes.Add(quiz);
        foreach (var (category, count) in draws) db.QuizDraws.Add(new QuizDraw { QuizId = quiz.Id, CategoryId = categories[category].Id, Count = count });
        var lastModule = built.Lessons[^1].ModuleId;
        db.Lessons.Add(new Lesson
        {
            CourseId = course.Id,
            ModuleId = lastModule,
            Position = built.Lessons.Count(x => x.ModuleId == lastModule) + 1,
            Kind = LessonKind.Quiz,
            QuizId = quiz.Id,
            Title = new LocalizedText { En = titleEn, Es = titleEs },
            Minutes = minutes,
        });
    }

    private sealed class Built(Course course)
    {
        public Course Course { get; } = course;
        public List<Lesson> Lessons { get; } = [];
    }

    private static Built Add(HemisphereDb db, CourseSeed seed, DateTimeOffset now)
    {
        var course = new Course
        {
            Code = seed.Code,
            Slug = Platform.Ui.Slugs.From(seed.Code + "-" + seed.TitleEs, AcademyLimits.Slug - 4),
            Title = new LocalizedText { En = seed.TitleEn, Es = seed.TitleEs },
            Summary = new LocalizedText { En = seed.SummaryEn, Es = seed.SummaryEs },
            Status = CourseStatus.Published,
            Hours = seed.Hours,
            MinimumAttendancePercent = seed.Attendance,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Courses.Add(course);
        var built = new Built(course);
        for (var m = 0; m < seed.Modules.Length; m++)
        {
            var ms = seed.Modules[m];
            var module = new CourseModule { CourseId = course.Id, Position = m + 1, Title = new LocalizedText { En = ms.TitleEn, Es = ms.TitleEs } };
            db.CourseModules.Add(module);
            for (var i = 0; i < ms.Lessons.Length; i++)
            {
                var ls = ms.Lessons[i];
                var lesson = new Lesson
                {
                    CourseId = course.Id,
                    ModuleId = module.Id,
                    Position = i + 1,
                    Kind = ls.Link is null ? LessonKind.Text : LessonKind.Link,
                    Title = new LocalizedText { En = ls.TitleEn, Es = ls.TitleEs },
                    Body = new LocalizedText { En = ls.BodyEn, Es = ls.BodyEs },
                    LinkUrl = ls.Link,
                    Minutes = ls.Minutes,
                };
                db.Lessons.Add(lesson);
                built.Lessons.Add(lesson);
            }
        }
        return built;
    }

    private static void AddProgramme(HemisphereDb db, string slug, ProgrammeKind kind, string titleEs, string titleEn, string summaryEs, string summaryEn, params Course[] courses)
    {
        var p = new AcademyProgramme
        {
            Slug = slug,
            Kind = kind,
            Title = new LocalizedText { En = titleEn, Es = titleEs },
            Summary = new LocalizedText { En = summaryEn, Es = summaryEs },
        };
        db.AcademyProgrammes.Add(p);
        for (var i = 0; i < courses.Length; i++) db.ProgrammeCourses.Add(new ProgrammeCourse { ProgrammeId = p.Id, CourseId = courses[i].Id, Position = i + 1 });
    }
}
