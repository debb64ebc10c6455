namespace Hemisphere.Bench.Generate;

/// <summary>A family of courses: a code prefix, the library subject its lessons are written from, and course titles.</summary>
public sealed record CourseFamily(string Prefix, string TopicKey, double Weight, Bi[] Titles);

/// <summary>
/// Words for the generated virtual police academy, in Spanish and English, in the manner of the DPS's
/// courses for police officers (the on-site course for instructors, the virtual courses of the
/// Inter-American Network for Police Development and Professionalization). Lesson bodies reuse the
/// library's sentences (<see cref="LibraryVocabulary"/>) of the family's subject.
/// </summary>
public static class AcademyVocabulary
{
    private static Bi B(string es, string en) => new(es, en);

    public static readonly CourseFamily[] Families =
    [
        new("POL", "community-policing", 12,
        [
            B("Policía comunitaria y de proximidad", "Community and neighbourhood policing"),
            B("Patrullaje orientado a la solución de problemas", "Problem-oriented patrolling"),
            B("Mediación policial de conflictos vecinales", "Police mediation of neighbourhood conflicts"),
            B("Derechos humanos en la función policial", "Human rights in police work"),
            B("Uso diferenciado de la fuerza", "Differentiated use of force"),
        ]),
        new("FOR", "police-training", 14,
        [
            B("Formación de formadores policiales", "Training of police trainers"),
            B("Diseño de cursos para academias de policía", "Designing courses for police academies"),
            B("Liderazgo y mando policial", "Police leadership and command"),
            B("Ética e integridad policial", "Police ethics and integrity"),
            B("Gestión de la carrera policial", "Managing the police career"),
            B("Evaluación del desempeño policial", "Police performance evaluation"),
        ]),
        new("PRE", "violence-prevention", 12,
        [
            B("Prevención situacional del delito", "Situational crime prevention"),
            B("Atención policial a víctimas de violencia de género", "Police response to victims of gender-based violence"),
            B("Planes municipales de convivencia y seguridad", "Municipal coexistence and security plans"),
            B("Prevención de la violencia en el entorno escolar", "Preventing violence at school"),
        ]),
        new("JUV", "youth-violence", 11,
        [
            B("Prevención de la violencia juvenil", "Youth violence prevention"),
            B("Justicia juvenil y enfoque restaurativo", "Juvenile justice and the restorative approach"),
            B("Pandillas: prevención e intervención", "Gangs: prevention and intervention"),
        ]),
        new("TRA", "human-trafficking", 10,
        [
            B("Identificación de víctimas de trata de personas", "Identifying victims of trafficking in persons"),
            B("Investigación del delito de trata de personas", "Investigating trafficking in persons"),
            B("Protección y asistencia a víctimas de trata", "Protection and assistance for trafficking victims"),
        ]),
        new("MIG", "migrant-smuggling", 7,
        [
            B("Tráfico ilícito de migrantes en fronteras", "Migrant smuggling at borders"),
            B("Control migratorio y derechos de los migrantes", "Migration control and migrants' rights"),
        ]),
        new("ARM", "firearms", 8,
        [
            B("Control de armas de fuego y municiones", "Firearms and ammunition control"),
            B("Marcaje y rastreo de armas de fuego", "Marking and tracing of firearms"),
            B("Gestión de arsenales y destrucción de armas", "Stockpile management and weapons destruction"),
        ]),
        new("PEN", "prisons", 7,
        [
            B("Gestión penitenciaria y derechos humanos", "Prison management and human rights"),
            B("Seguridad en centros penitenciarios", "Security in prisons"),
            B("Reinserción social de personas privadas de libertad", "Social reintegration of prisoners"),
        ]),
        new("CIB", "cybercrime", 9,
        [
            B("Investigación de delitos informáticos", "Investigating computer crime"),
            B("Evidencia digital y cadena de custodia", "Digital evidence and chain of custody"),
            B("Ciberseguridad para instituciones policiales", "Cybersecurity for police institutions"),
        ]),
        new("EST", "statistics", 10,
        [
            B("Estadísticas de seguridad ciudadana", "Citizen security statistics"),
            B("Análisis delictivo para mandos policiales", "Crime analysis for police commanders"),
            B("Encuestas de victimización", "Victimization surveys"),
        ]),
    ];

    /// <summary>Level of a course (its number's hundreds) and how it is said in a title.</summary>
    public static readonly (int Hundreds, Bi Name)[] Levels =
    [
        (100, B("Curso básico", "Basic course")),
        (200, B("Curso intermedio", "Intermediate course")),
        (300, B("Curso avanzado", "Advanced course")),
        (400, B("Especialización", "Specialization")),
    ];

    public static readonly Bi[] Summaries =
    [
        B("Curso virtual de la Red Interamericana de Desarrollo y Profesionalización Policial para {audience} de los Estados miembros.",
          "Virtual course of the Inter-American Network for Police Development and Professionalization for {audience} of the member states."),
        B("Este curso ofrece a {audience} herramientas prácticas y el marco normativo interamericano sobre {subject}.",
          "This course gives {audience} practical tools and the inter-American legal framework on {subject}."),
        B("Curso con certificado del Departamento de Seguridad Pública de la OEA, con lecturas, videos y evaluaciones.",
          "A course with a certificate from the OAS Department of Public Security, with readings, videos and assessments."),
    ];

    public static readonly Bi[] ModuleTitles =
    [
        B("Introducción y conceptos básicos", "Introduction and basic concepts"),
        B("Marco jurídico internacional y nacional", "International and national legal framework"),
        B("Procedimientos operativos", "Operating procedures"),
        B("Herramientas de análisis", "Analysis tools"),
        B("Coordinación interinstitucional", "Inter-agency coordination"),
        B("Derechos humanos y enfoque de género", "Human rights and the gender perspective"),
        B("Estudio de casos", "Case studies"),
        B("Buenas prácticas en la región", "Good practices in the region"),
        B("Planificación y evaluación", "Planning and evaluation"),
        B("Comunicación con la comunidad", "Communicating with the community"),
    ];

    public static readonly Bi[] LessonTitles =
    [
        B("¿Qué es {subject}?", "What is {subject}?"),
        B("Principios de {subject}", "Principles of {subject}"),
        B("El papel de la policía en {subject}", "The role of the police in {subject}"),
        B("Normas y protocolos sobre {subject}", "Rules and protocols on {subject}"),
        B("Experiencias de {country}", "Experiences from {country}"),
        B("Indicadores y seguimiento", "Indicators and monitoring"),
        B("Errores frecuentes y cómo evitarlos", "Common mistakes and how to avoid them"),
        B("Caso práctico: {city}", "Case study: {city}"),
        B("Trabajo con otras instituciones", "Working with other institutions"),
        B("Resumen y lecturas recomendadas", "Summary and further reading"),
        B("Video: entrevista con un instructor", "Video: an interview with an instructor"),
        B("Lista de verificación para el terreno", "A checklist for the field"),
    ];

    public static readonly Bi[] QuizTitles =
    [
        B("Evaluación del módulo", "Module assessment"),
        B("Evaluación final", "Final assessment"),
    ];

    public static readonly Bi QuizInstructions = B(
        "Responda todas las preguntas. Necesita un 70 % para aprobar. Sus respuestas se guardan automáticamente.",
        "Answer every question. You need 70% to pass. Your answers are saved as you go.");

    /// <summary>Categories of a course's question bank; the last holds the essays.</summary>
    public static readonly string[] Categories = ["Conceptos", "Marco normativo", "Procedimientos", "Casos prácticos"];

    /// <summary>Prompts: a statement to judge, a question with one right answer among distractors, or an open question.</summary>
    public static readonly Bi[] ChoicePrompts =
    [
        B("¿Cuál de las siguientes afirmaciones sobre {subject} es correcta?", "Which of the following statements about {subject} is correct?"),
        B("¿Qué debe hacer primero un agente ante un caso de {subject}?", "What should an officer do first in a case of {subject}?"),
        B("¿Qué institución coordina habitualmente {subject} en {country}?", "Which institution usually coordinates {subject} in {country}?"),
        B("¿Cuál es el objetivo principal de {subject}?", "What is the main objective of {subject}?"),
    ];

    public static readonly Bi[] Choices =
    [
        B("Documentar los hechos y preservar la evidencia", "Record the facts and preserve the evidence"),
        B("Informar al superior jerárquico y esperar instrucciones", "Report to the superior officer and wait for instructions"),
        B("Proteger a la víctima y garantizar su seguridad", "Protect the victim and ensure their safety"),
        B("Aplicar el protocolo nacional vigente", "Apply the national protocol in force"),
        B("Coordinar con la fiscalía desde el inicio", "Coordinate with the prosecutor's office from the start"),
        B("Actuar sin registrar la intervención", "Act without recording the intervention"),
        B("Esperar a que la comunidad presente una denuncia formal", "Wait for the community to file a formal complaint"),
        B("Resolver el caso sin informar a nadie", "Settle the case without telling anyone"),
    ];

    public static readonly Bi[] Statements =
    [
        B("{subject} requiere la coordinación de la policía con otras instituciones.", "{subject} requires the police to coordinate with other institutions."),
        B("Los datos sobre {subject} deben registrarse de manera sistemática.", "Data on {subject} must be recorded systematically."),
        B("El uso de la fuerza es siempre la primera respuesta en casos de {subject}.", "The use of force is always the first response in cases of {subject}."),
        B("Las víctimas no necesitan ser informadas de sus derechos.", "Victims need not be informed of their rights."),
    ];

    public static readonly (Bi Prompt, string[] Accepted)[] ShortAnswers =
    [
        (B("¿Qué organización internacional de policía emite las notificaciones rojas?", "Which international police organization issues red notices?"), ["INTERPOL", "OIPC"]),
        (B("¿Cómo se llama el mecanismo de cooperación policial de las Américas (sigla)?", "What is the acronym of the police cooperation mechanism of the Americas?"), ["AMERIPOL"]),
        (B("¿Qué oficina de las Naciones Unidas custodia el Protocolo de Palermo (sigla)?", "Which United Nations office is the custodian of the Palermo Protocol (acronym)?"), ["UNODC", "ONUDD"]),
    ];

    public static readonly (Bi Prompt, decimal Value, decimal Tolerance)[] Numbers =
    [
        (B("¿Cuántas horas como máximo puede durar una detención sin control judicial según el protocolo del curso?", "At most how many hours may a detention last without judicial review under the course's protocol?"), 48, 0),
        (B("Si una comisaría registra 120 denuncias y resuelve 30, ¿qué porcentaje resolvió?", "If a police station records 120 complaints and solves 30, what percentage did it solve?"), 25, 0.5m),
        (B("¿Cuántos Estados miembros tiene la OEA?", "How many member states does the OAS have?"), 35, 0),
    ];

    public static readonly (Bi Term, Bi Definition)[] Pairs =
    [
        (B("Flagrancia", "Caught in the act"), B("El delito se descubre mientras se comete", "The crime is discovered while it is being committed")),
        (B("Cadena de custodia", "Chain of custody"), B("Registro de quién manipula la evidencia", "Record of who handles the evidence")),
        (B("Debida diligencia", "Due diligence"), B("Obligación de investigar con seriedad", "Duty to investigate seriously")),
        (B("Proporcionalidad", "Proportionality"), B("La fuerza se ajusta a la amenaza", "Force matches the threat")),
        (B("Revictimización", "Revictimization"), B("Daño causado a la víctima por el propio sistema", "Harm caused to the victim by the system itself")),
    ];

    public static readonly Bi[] Steps =
    [
        B("Asegurar el lugar de los hechos", "Secure the scene"),
        B("Atender a las personas heridas", "Attend to the injured"),
        B("Identificar a los testigos", "Identify the witnesses"),
        B("Fijar y recolectar la evidencia", "Record and collect the evidence"),
        B("Redactar el informe policial", "Write the police report"),
    ];

    public static readonly Bi[] EssayPrompts =
    [
        B("Describa cómo aplicaría lo aprendido sobre {subject} en su unidad.", "Describe how you would apply what you learned about {subject} in your unit."),
        B("Analice un caso real de {country} relacionado con {subject}.", "Analyse a real case from {country} related to {subject}."),
    ];

    public static readonly Bi Rubric = B(
        "Una respuesta completa identifica el problema, cita el marco normativo y propone al menos dos acciones concretas.",
        "A full answer identifies the problem, cites the legal framework and proposes at least two concrete actions.");

    public static readonly Bi Feedback = B("Revise la lección correspondiente del módulo.", "Review the module's corresponding lesson.");

    /// <summary>Venues of on-site editions: a national police academy of the country.</summary>
    public static readonly Bi[] Venues =
    [
        B("Academia Nacional de Policía", "National Police Academy"),
        B("Escuela de Cadetes de Policía", "Police Cadet School"),
        B("Centro de Capacitación Policial", "Police Training Centre"),
        B("Instituto de Estudios Policiales", "Institute of Police Studies"),
    ];

    /// <summary>IANA zones of the member states (the capital's); others use America/New_York.</summary>
    public static readonly IReadOnlyDictionary<string, string> TimeZones = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AR"] = "America/Argentina/Buenos_Aires",
        ["BO"] = "America/La_Paz",
        ["BR"] = "America/Sao_Paulo",
        ["CA"] = "America/Toronto",
        ["CL"] = "America/Santiago",
        ["CO"] = "America/Bogota",
        ["CR"] = "America/Costa_Rica",
        ["DO"] = "America/Santo_Domingo",
        ["EC"] = "America/Guayaquil",
        ["SV"] = "America/El_Salvador",
        ["GT"] = "America/Guatemala",
        ["HN"] = "America/Tegucigalpa",
        ["HT"] = "America/Port-au-Prince",
        ["JM"] = "America/Jamaica",
        ["MX"] = "America/Mexico_City",
        ["NI"] = "America/Managua",
        ["PA"] = "America/Panama",
        ["PY"] = "America/Asuncion",
        ["PE"] = "America/Lima",
        ["UY"] = "America/Montevideo",
        ["US"] = "America/New_York",
        ["TT"] = "America/Port_of_Spain",
        ["BS"] = "America/Nassau",
        ["BB"] = "America/Barbados",
        ["BZ"] = "America/Belize",
        ["GY"] = "America/Guyana",
        ["SR"] = "America/Paramaribo",
    };
}
