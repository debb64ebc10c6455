namespace Hemisphere.Bench.Generate;

/// <summary>
/// Words for forum topics and posts, in Spanish and English, in the manner of the conversations of the
/// DPS networks (questions between police officers, focal points and analysts, announcements, replies).
/// The subject matter comes from <see cref="LibraryVocabulary"/>; these are the conversational parts.
/// Placeholders as in LibraryVocabulary: {country} {city} {year} {audience} {n} {pct} {subject} {partner}.
/// </summary>
public static class ForumVocabulary
{
    private static Bi B(string es, string en) => new(es, en);

    public static readonly Bi[] Titles =
    [
        B("¿Experiencias con {subject} en {country}?", "Experiences with {subject} in {country}?"),
        B("Consulta sobre {subject} para {audience}", "Question on {subject} for {audience}"),
        B("Buenas prácticas de {subject}: compartamos", "Good practices in {subject}: let's share"),
        B("Convocatoria: curso virtual sobre {subject} ({year})", "Call: online course on {subject} ({year})"),
        B("Datos de {subject} en {city}", "Data on {subject} in {city}"),
        B("¿Quién trabaja {subject} con {partner}?", "Who works on {subject} with {partner}?"),
        B("Protocolo de {subject}: ¿alguien tiene una versión actualizada?", "Protocol on {subject}: does anyone have an updated version?"),
        B("Resultados del taller de {subject} en {city}", "Outcomes of the {subject} workshop in {city}"),
        B("Indicadores para evaluar {subject}", "Indicators to evaluate {subject}"),
        B("Presentación: equipo de {subject} de {country}", "Introduction: the {subject} team of {country}"),
        B("Dudas sobre la cooperación con {partner} en {subject}", "Questions on cooperating with {partner} on {subject}"),
        B("Materiales de capacitación sobre {subject}", "Training materials on {subject}"),
    ];

    /// <summary>The long, pinned conversation of a category.</summary>
    public static readonly Bi[] PinnedTitles =
    [
        B("Presentaciones y conversación general de la red", "Introductions and general conversation of the network"),
        B("Preguntas frecuentes y conversación abierta", "Frequently asked questions and open conversation"),
        B("Novedades de la red: hilo permanente", "Network news: standing thread"),
    ];

    public static readonly Bi[] Openers =
    [
        B("Buenos días a todos.", "Good morning, everyone."),
        B("Gracias por compartir esta información.", "Thank you for sharing this."),
        B("Muy interesante el planteamiento.", "A very interesting point."),
        B("Coincido con lo que se ha dicho en el hilo.", "I agree with what has been said in this thread."),
        B("Desde {country} les comparto nuestra experiencia.", "From {country}, here is our experience."),
        B("Estimados colegas:", "Dear colleagues,"),
        B("Complemento lo anterior con un dato.", "Adding a figure to the above."),
        B("Una pregunta para los colegas de {country}.", "A question for our colleagues in {country}."),
    ];

    public static readonly Bi[] Questions =
    [
        B("¿Alguien tiene el protocolo de {subject} en versión digital?", "Does anyone have the {subject} protocol in digital form?"),
        B("¿Cómo evaluaron los resultados en {country}?", "How did you evaluate the results in {country}?"),
        B("¿Qué presupuesto asignaron a {subject} el primer año?", "What budget did you give {subject} in the first year?"),
        B("¿Participaron {audience} en el diseño?", "Did {audience} take part in the design?"),
        B("¿Hay un punto focal de {partner} con quien podamos hablar?", "Is there a focal point at {partner} we could talk to?"),
        B("¿Cuánto duró la capacitación de {audience}?", "How long was the training of {audience}?"),
        B("¿Publicaron el informe final de {year}?", "Did you publish the final report of {year}?"),
    ];

    public static readonly Bi[] Closers =
    [
        B("Saludos cordiales.", "Kind regards."),
        B("Quedo atento a sus comentarios.", "I look forward to your comments."),
        B("Gracias de antemano.", "Thanks in advance."),
        B("Un abrazo a la red.", "Best wishes to the network."),
        B("Seguimos en contacto.", "Let's stay in touch."),
    ];

    public static readonly Bi[] Links =
    [
        B("El informe está en [la biblioteca del DSP](https://www.oas.org/ext/es/seguridad/).", "The report is in [the DPS library](https://www.oas.org/ext/en/security/)."),
        B("Más información en [el sitio de la OEA](https://www.oas.org/es/sms/dsp/).", "More information on [the OAS site](https://www.oas.org/en/sms/dps/)."),
    ];

    /// <summary>Networks of the DPS, each on a library subject (LibraryVocabulary.Topics by key).</summary>
    public static readonly (string Slug, string Topic, Bi Name, Bi Description, double Weight)[] Networks =
    [
        ("network-police-professionalization", "police-training", B("Red Interamericana de Desarrollo y Profesionalización Policial", "Inter-American Network for Police Development and Professionalization"),
            B("Capacitación, carrera policial y academias de la región.", "Training, police careers and academies of the region."), 14),
        ("network-crime-prevention", "violence-prevention", B("Red de prevención del delito y la violencia", "Crime and violence prevention network"),
            B("Programas, evaluaciones y experiencias locales de prevención.", "Prevention programmes, evaluations and local experience."), 9),
        ("network-trafficking-in-persons", "human-trafficking", B("Red de autoridades contra la trata de personas", "Network of authorities against trafficking in persons"),
            B("Investigación, protección de víctimas y cooperación.", "Investigation, victim protection and cooperation."), 7),
        ("network-firearms-cifta", "firearms", B("Puntos focales de la CIFTA sobre armas de fuego", "CIFTA focal points on firearms"),
            B("Marcaje, registro, destrucción y rastreo de armas.", "Marking, registration, destruction and tracing of firearms."), 5),
        ("network-cybercrime", "cybercrime", B("Red de unidades de ciberdelito", "Network of cybercrime units"),
            B("Investigación digital, evidencia electrónica y cooperación.", "Digital investigation, electronic evidence and cooperation."), 6),
        ("network-security-statistics", "statistics", B("Red de estadísticas de seguridad ciudadana", "Citizen security statistics network"),
            B("Datos, encuestas de victimización e indicadores comparables.", "Data, victimization surveys and comparable indicators."), 5),
    ];

    /// <summary>Private groups: a course cohort, focal points of a programme.</summary>
    public static readonly (string Slug, string Topic, Bi Name, Bi Description, int Members)[] Groups =
    [
        ("group-focal-points-smuggling", "migrant-smuggling", B("Puntos focales: tráfico ilícito de migrantes", "Focal points: migrant smuggling"),
            B("Grupo privado de los puntos focales nacionales.", "Private group of the national focal points."), 60),
        ("group-cohort-community-policing", "community-policing", B("Cohorte del curso de policía comunitaria", "Community policing course cohort"),
            B("Participantes e instructores de la cohorte.", "Participants and instructors of the cohort."), 150),
        ("group-prison-directors", "prisons", B("Directores de sistemas penitenciarios", "Prison system directors"),
            B("Grupo privado de las direcciones penitenciarias.", "Private group of the prison administrations."), 40),
        ("group-cyber-analysts", "cybercrime", B("Analistas de ciberdelito (grupo cerrado)", "Cybercrime analysts (closed group)"),
            B("Casos y herramientas, solo para analistas acreditados.", "Cases and tools, for accredited analysts only."), 80),
    ];

    /// <summary>Countries with a category of their own, the busiest networks in the region.</summary>
    public static readonly string[] Countries = ["MX", "CO", "BR", "GT", "HN", "SV", "DO", "PE", "AR", "CR", "JM", "HT"];
}
