namespace Hemisphere.Bench.Generate;

/// <summary>The same text in Spanish and English; placeholders in braces are filled by LibraryTexts.</summary>
public readonly record struct Bi(string Es, string En)
{
    public string In(string language) => language == "es" ? Es : En;
}

/// <summary>
/// A subject of the library: the themes it files items under (slugs of the site's LibraryThemes), how
/// its titles start, its sentences, section headings and tags. Weight: its share of the items.
/// </summary>
public sealed record LibraryTopic(string Key, string[] Themes, double Weight, Bi[] Subjects, Bi[] Sentences, Bi[] Headings, Bi[] Tags);

/// <summary>
/// Words for generated knowledge-library items, in Spanish and English, in the manner of the documents
/// the OAS Department of Public Security and the ministries publish: reports, guides, lessons learned,
/// news of courses and seminars. The sentences use the words in their usual inflections (capacitación,
/// capacitaciones, capacitados; policía, policías, policial; training, trained, trainers) so that the
/// site's stemming has real work to do and typical queries match thousands of items.
/// Placeholders: {country} {city} {year} {audience} {n} {pct} {subject} {partner}.
/// </summary>
public static class LibraryVocabulary
{
    private static Bi B(string es, string en) => new(es, en);

    /// <summary>Who a text talks about: plural noun phrases.</summary>
    public static readonly Bi[] Audiences =
    [
        B("agentes de policía", "police officers"),
        B("mandos policiales", "police commanders"),
        B("fiscales y jueces", "prosecutors and judges"),
        B("funcionarios penitenciarios", "prison officers"),
        B("funcionarios de migración", "migration officers"),
        B("inspectores de aduanas", "customs inspectors"),
        B("analistas de datos delictivos", "crime data analysts"),
        B("líderes comunitarios", "community leaders"),
        B("docentes y orientadores escolares", "teachers and school counsellors"),
        B("trabajadores sociales", "social workers"),
        B("gobiernos municipales", "municipal governments"),
        B("organizaciones de la sociedad civil", "civil society organizations"),
        B("jóvenes en situación de riesgo", "at-risk young people"),
        B("instructores de las academias de policía", "police academy instructors"),
        B("investigadores de delitos informáticos", "cybercrime investigators"),
    ];

    public static readonly string[] Partners =
        ["UNODC", "OIM|IOM", "ACNUR|UNHCR", "AMERIPOL", "INTERPOL", "UNICRI", "UNLIREC", "el BID|the IDB", "CICAD", "CARICOM IMPACS", "SICA", "la Unión Europea|the European Union"];

    public static readonly LibraryTopic[] Topics =
    [
        new("community-policing", ["community-policing", "crime-prevention"], 12,
            [B("la policía comunitaria", "community policing"), B("la policía de proximidad", "neighbourhood policing"), B("la relación entre la policía y la comunidad", "police–community relations"), B("el patrullaje orientado a problemas", "problem-oriented patrolling")],
            [
                B("El modelo de policía comunitaria se aplicó en {n} barrios de {city}, con patrullajes a pie y reuniones mensuales con los vecinos.", "The community policing model was applied in {n} neighbourhoods of {city}, with foot patrols and monthly meetings with residents."),
                B("Los agentes de policía asignados a cada cuadrante conocen a los comerciantes, a los docentes y a los líderes comunitarios de su zona.", "The police officers assigned to each beat know the shopkeepers, teachers and community leaders of their area."),
                B("La confianza de los vecinos en la policía aumentó un {pct} % entre {year} y el año siguiente, según la encuesta de victimización.", "Residents' trust in the police rose by {pct}% between {year} and the following year, according to the victimization survey."),
                B("Las comisarías que adoptaron el enfoque comunitario registraron menos denuncias por abuso policial.", "Police stations that adopted the community approach recorded fewer complaints of police misconduct."),
                B("El policiamiento orientado a problemas exige que los policías analicen las causas de los delitos recurrentes y no solo respondan a las llamadas.", "Problem-oriented policing requires officers to analyse the causes of recurring crimes rather than only answer calls."),
                B("Los comités de seguridad ciudadana reúnen a la policía, a la municipalidad y a las organizaciones vecinales.", "Citizen security committees bring together the police, the municipality and neighbourhood organizations."),
                B("La policía comunitaria no sustituye a la investigación criminal: la complementa con información que solo los vecinos pueden aportar.", "Community policing does not replace criminal investigation: it complements it with information only residents can provide."),
                B("Los mandos policiales reconocieron que el cambio de cultura institucional fue más lento que la formación de los agentes.", "Police commanders acknowledged that changing the institutional culture was slower than training the officers."),
            ],
            [B("Patrullaje y presencia en los barrios", "Patrols and presence in the neighbourhoods"), B("La confianza ciudadana", "Public trust")],
            [B("policía comunitaria", "community policing"), B("confianza ciudadana", "public trust"), B("patrullaje", "patrolling")]),
        new("police-training", ["police-training", "police-professionalization"], 14,
            [B("la capacitación policial", "police training"), B("la formación inicial de los policías", "basic police training"), B("la profesionalización policial", "police professionalization"), B("los programas de capacitación en derechos humanos", "human rights training programmes")],
            [
                B("Se capacitaron {n} agentes de policía de {country} en técnicas de investigación criminal y uso proporcional de la fuerza.", "{n} police officers from {country} were trained in criminal investigation techniques and the proportionate use of force."),
                B("La capacitación policial combinó clases virtuales en la academia con ejercicios prácticos en {city}.", "Police training combined online classes at the academy with practical exercises in {city}."),
                B("Los instructores de las academias de policía recibieron capacitación en metodologías de enseñanza para adultos.", "Police academy instructors received training in adult teaching methods."),
                B("El plan de estudios de la formación policial se revisó con el apoyo de {partner} y del Departamento de Seguridad Pública de la OEA.", "The curriculum of police training was revised with the support of {partner} and the OAS Department of Public Security."),
                B("Las capacitaciones incluyeron módulos sobre derechos humanos, atención a víctimas y perspectiva de género.", "The training courses included modules on human rights, victim support and a gender perspective."),
                B("Un {pct} % de los policías capacitados aplicó los nuevos protocolos seis meses después del curso.", "{pct}% of the trained officers applied the new protocols six months after the course."),
                B("La evaluación recomienda capacitar a los mandos medios antes que al personal operativo, para que el cambio se sostenga.", "The evaluation recommends training middle managers before operational staff, so that the change is sustained."),
                B("La profesionalización policial depende tanto de la capacitación como de la carrera, los salarios y la supervisión.", "Police professionalization depends as much on pay, careers and supervision as on training."),
                B("El curso de formación de formadores permitió que {n} instructores nacionales replicaran la capacitación en sus provincias.", "The training-of-trainers course allowed {n} national instructors to replicate the training in their provinces."),
            ],
            [B("Capacitación y formación continua", "Training and continuing education"), B("Resultados de la capacitación", "Results of the training")],
            [B("capacitación", "training"), B("academias de policía", "police academies"), B("formación de formadores", "training of trainers")]),
        new("violence-prevention", ["violence-prevention", "crime-prevention"], 12,
            [B("la prevención de la violencia", "violence prevention"), B("la prevención del delito", "crime prevention"), B("la prevención situacional", "situational crime prevention"), B("las políticas municipales de prevención", "municipal prevention policies")],
            [
                B("La prevención de la violencia requiere intervenir sobre los factores de riesgo antes de que se cometan los delitos.", "Violence prevention requires acting on risk factors before crimes are committed."),
                B("Las estrategias de prevención del delito en {city} se concentraron en los puntos críticos identificados por el análisis de datos.", "Crime prevention strategies in {city} focused on the hot spots identified by data analysis."),
                B("La recuperación de espacios públicos, el alumbrado y la convivencia vecinal forman parte de la prevención situacional.", "The recovery of public spaces, street lighting and neighbourly coexistence are part of situational prevention."),
                B("Los programas preventivos con mejor evidencia combinan apoyo a las familias, escuela y empleo.", "The preventive programmes with the strongest evidence combine family support, school and employment."),
                B("Los homicidios se redujeron un {pct} % en los municipios que aplicaron el plan de prevención entre {year} y tres años después.", "Homicides fell by {pct}% in the municipalities that applied the prevention plan between {year} and three years later."),
                B("Prevenir la violencia cuesta menos que responder a ella: el análisis de costos lo confirma para {country}.", "Preventing violence costs less than responding to it: the cost analysis confirms it for {country}."),
                B("Los gobiernos municipales tienen un papel central en la prevención, aunque a menudo carecen de presupuesto propio.", "Municipal governments play a central role in prevention, although they often lack their own budget."),
                B("La violencia contra las mujeres y la violencia intrafamiliar requieren medidas de prevención específicas.", "Violence against women and domestic violence require specific prevention measures."),
            ],
            [B("Factores de riesgo y de protección", "Risk and protective factors"), B("Prevención en el territorio", "Prevention on the ground")],
            [B("prevención de la violencia", "violence prevention"), B("prevención del delito", "crime prevention"), B("gobiernos locales", "local government")]),
        new("youth-violence", ["youth-violence", "violence-prevention"], 11,
            [B("la violencia juvenil", "youth violence"), B("la prevención de la violencia juvenil", "youth violence prevention"), B("los jóvenes en conflicto con la ley", "young people in conflict with the law"), B("las pandillas juveniles", "youth gangs")],
            [
                B("La violencia juvenil afecta sobre todo a los varones de entre 15 y 29 años de los barrios más pobres de {city}.", "Youth violence mostly affects young men aged 15 to 29 in the poorest neighbourhoods of {city}."),
                B("El programa de prevención de la violencia juvenil atendió a {n} jóvenes en situación de riesgo con tutorías, deporte y formación laboral.", "The youth violence prevention programme served {n} at-risk young people with mentoring, sport and vocational training."),
                B("Los jóvenes que completaron el programa tuvieron un {pct} % menos de detenciones en los dos años siguientes.", "Young people who completed the programme had {pct}% fewer arrests in the following two years."),
                B("La deserción escolar es uno de los factores de riesgo más asociados con la violencia entre jóvenes.", "School dropout is one of the risk factors most associated with violence among young people."),
                B("Las pandillas reclutan a adolescentes cada vez más jóvenes, a veces desde los doce años.", "Gangs recruit ever younger adolescents, sometimes from the age of twelve."),
                B("La justicia juvenil restaurativa ofrece a los adolescentes infractores una alternativa a la privación de libertad.", "Restorative juvenile justice offers young offenders an alternative to detention."),
                B("Los docentes y orientadores escolares fueron capacitados para detectar señales tempranas de violencia juvenil.", "Teachers and school counsellors were trained to detect early signs of youth violence."),
                B("Las oportunidades de empleo para los jóvenes reducen la violencia cuando se acompañan de apoyo psicosocial.", "Job opportunities for young people reduce violence when accompanied by psychosocial support."),
            ],
            [B("Jóvenes en situación de riesgo", "Young people at risk"), B("Escuela, familia y comunidad", "School, family and community")],
            [B("violencia juvenil", "youth violence"), B("jóvenes", "young people"), B("pandillas", "gangs")]),
        new("human-trafficking", ["human-trafficking", "organised-crime"], 10,
            [B("la trata de personas", "trafficking in persons"), B("la identificación de víctimas de trata", "the identification of trafficking victims"), B("la persecución penal de la trata", "the prosecution of human trafficking"), B("la protección de las víctimas de trata", "the protection of trafficking victims")],
            [
                B("La trata de personas con fines de explotación sexual y laboral sigue siendo poco denunciada en {country}.", "Trafficking in persons for sexual and labour exploitation remains under-reported in {country}."),
                B("Se identificaron {n} víctimas de trata durante el operativo coordinado por la fiscalía especializada.", "{n} victims of trafficking were identified during the operation coordinated by the specialised prosecutor's office."),
                B("Las víctimas de trata necesitan protección, asistencia médica y psicológica y, en su caso, un retorno seguro.", "Victims of trafficking need protection, medical and psychological care and, where appropriate, a safe return."),
                B("Los tratantes captan a sus víctimas con ofertas de empleo falsas difundidas en redes sociales.", "Traffickers recruit their victims with fake job offers spread on social networks."),
                B("El protocolo de identificación de víctimas de trata se distribuyó entre {audience} de las zonas fronterizas.", "The protocol for identifying trafficking victims was distributed among {audience} in the border areas."),
                B("La cooperación entre fiscalías permitió desarticular una red de trata que operaba en tres países.", "Cooperation between prosecutors made it possible to dismantle a trafficking network operating in three countries."),
                B("Las condenas por trata de personas aumentaron, pero siguen siendo pocas frente al número de víctimas identificadas.", "Convictions for human trafficking have increased but remain few compared with the number of victims identified."),
            ],
            [B("Identificación y asistencia a las víctimas", "Identifying and assisting victims"), B("Investigación y persecución penal", "Investigation and prosecution")],
            [B("trata de personas", "human trafficking"), B("víctimas", "victims"), B("explotación laboral", "labour exploitation")]),
        new("migrant-smuggling", ["migrant-smuggling", "organised-crime"], 7,
            [B("el tráfico ilícito de migrantes", "migrant smuggling"), B("la gestión de fronteras", "border management"), B("las rutas del tráfico de migrantes", "migrant smuggling routes")],
            [
                B("El tráfico ilícito de migrantes se distingue de la trata: el migrante consiente el traslado, aunque a menudo en condiciones peligrosas.", "Migrant smuggling differs from trafficking: the migrant consents to the journey, though often in dangerous conditions."),
                B("Los traficantes de migrantes cobran entre 3.000 y 15.000 dólares por el cruce de cada frontera de la ruta.", "Migrant smugglers charge between 3,000 and 15,000 dollars for each border crossing on the route."),
                B("Los funcionarios de migración de {country} recibieron formación en entrevistas y detección de documentos falsos.", "Migration officers in {country} received training in interviewing and detecting forged documents."),
                B("Las rutas del tráfico de migrantes cambian con rapidez cuando se refuerzan los controles en un paso fronterizo.", "Smuggling routes change quickly when controls are tightened at a border crossing."),
                B("La cooperación con {partner} permitió compartir información sobre las redes de tráfico de migrantes en tiempo real.", "Cooperation with {partner} made it possible to share information on smuggling networks in real time."),
                B("Los migrantes objeto de tráfico ilícito tienen derecho a protección y no deben ser tratados como delincuentes.", "Smuggled migrants are entitled to protection and must not be treated as criminals."),
            ],
            [B("Rutas y modalidades", "Routes and methods"), B("Cooperación en las fronteras", "Cooperation at the borders")],
            [B("tráfico de migrantes", "migrant smuggling"), B("fronteras", "borders"), B("migración", "migration")]),
        new("firearms", ["firearms-control", "organised-crime"], 8,
            [B("el control de armas de fuego", "firearms control"), B("el tráfico ilícito de armas de fuego", "illicit firearms trafficking"), B("el marcaje y rastreo de armas", "the marking and tracing of firearms"), B("la destrucción de armas incautadas", "the destruction of seized weapons")],
            [
                B("Las armas de fuego se usan en más del {pct} % de los homicidios cometidos en {country}.", "Firearms are used in more than {pct}% of the homicides committed in {country}."),
                B("Se marcaron {n} armas de fuego de las fuerzas de seguridad con las máquinas donadas por el programa.", "{n} firearms of the security forces were marked with the machines donated by the programme."),
                B("El rastreo de armas incautadas permite reconstruir las rutas del tráfico ilícito y detectar desvíos de los arsenales oficiales.", "Tracing seized weapons makes it possible to reconstruct trafficking routes and detect diversion from official stockpiles."),
                B("La destrucción de armas incautadas en {city} se hizo en presencia de observadores independientes.", "The destruction of seized weapons in {city} took place before independent observers."),
                B("La Convención Interamericana contra la Fabricación y el Tráfico Ilícitos de Armas de Fuego (CIFTA) es el marco de esta cooperación.", "The Inter-American Convention against the Illicit Manufacturing of and Trafficking in Firearms (CIFTA) frames this cooperation."),
                B("La gestión de arsenales exige inventarios, depósitos seguros y registros digitales de cada arma.", "Stockpile management requires inventories, secure depots and digital records of each weapon."),
            ],
            [B("Marcaje, registro y rastreo", "Marking, registration and tracing"), B("Gestión de arsenales", "Stockpile management")],
            [B("armas de fuego", "firearms"), B("CIFTA", "CIFTA"), B("arsenales", "stockpiles")]),
        new("prisons", ["prison-systems"], 7,
            [B("los sistemas penitenciarios", "prison systems"), B("la reinserción social de las personas privadas de libertad", "the social reintegration of prisoners"), B("el hacinamiento carcelario", "prison overcrowding"), B("la gestión penitenciaria", "prison management")],
            [
                B("Las cárceles de {country} operan al {pct} % por encima de su capacidad, lo que dificulta cualquier programa de reinserción.", "Prisons in {country} operate {pct}% above capacity, which hinders any reintegration programme."),
                B("Los funcionarios penitenciarios recibieron capacitación en seguridad dinámica y en las Reglas Nelson Mandela.", "Prison officers received training in dynamic security and the Nelson Mandela Rules."),
                B("La reinserción social de las personas privadas de libertad reduce la reincidencia cuando incluye educación y trabajo.", "The social reintegration of prisoners reduces reoffending when it includes education and work."),
                B("El hacinamiento carcelario favorece el control de los penales por parte de grupos criminales.", "Prison overcrowding helps criminal groups take control of prisons."),
                B("Las medidas alternativas a la prisión preventiva podrían reducir la población penitenciaria en {n} personas.", "Alternatives to pre-trial detention could reduce the prison population by {n} people."),
                B("Las mujeres privadas de libertad requieren atención específica, en particular cuando tienen hijos menores.", "Women in prison need specific care, particularly when they have young children."),
            ],
            [B("Condiciones de detención", "Conditions of detention"), B("Reinserción y reincidencia", "Reintegration and reoffending")],
            [B("cárceles", "prisons"), B("reinserción", "reintegration"), B("sistema penitenciario", "prison system")]),
        new("cybercrime", ["cybercrime"], 9,
            [B("el ciberdelito", "cybercrime"), B("la investigación de delitos informáticos", "the investigation of computer crime"), B("la evidencia digital", "digital evidence"), B("la ciberseguridad de las instituciones públicas", "the cybersecurity of public institutions")],
            [
                B("Los ciberdelitos denunciados en {country} se triplicaron en los últimos cinco años.", "Cybercrime reports in {country} tripled in the last five years."),
                B("Las unidades de delitos informáticos necesitan laboratorios forenses y personal capacitado en evidencia digital.", "Computer crime units need forensic laboratories and staff trained in digital evidence."),
                B("El fraude en línea, la extorsión y la explotación sexual de niños en internet son los ciberdelitos más frecuentes.", "Online fraud, extortion and the online sexual exploitation of children are the most frequent cybercrimes."),
                B("La cooperación internacional es indispensable porque la evidencia digital suele estar alojada en otro país.", "International cooperation is essential because digital evidence is often stored in another country."),
                B("Los investigadores de delitos informáticos aprendieron a preservar y analizar la evidencia digital sin alterarla.", "Cybercrime investigators learned to preserve and analyse digital evidence without altering it."),
                B("La ciberdelincuencia organizada utiliza criptoactivos para lavar las ganancias de sus delitos.", "Organized cybercriminals use crypto-assets to launder the proceeds of their crimes."),
                B("Los equipos de respuesta a incidentes de {country} coordinan con la policía la investigación de ataques a instituciones públicas.", "The incident response teams of {country} coordinate with the police in investigating attacks on public institutions."),
            ],
            [B("Investigación y evidencia digital", "Investigation and digital evidence"), B("Cooperación contra el ciberdelito", "Cooperation against cybercrime")],
            [B("ciberdelito", "cybercrime"), B("evidencia digital", "digital evidence"), B("ciberseguridad", "cybersecurity")]),
        new("statistics", ["citizen-security-data"], 10,
            [B("las estadísticas de criminalidad", "crime statistics"), B("los observatorios de seguridad ciudadana", "citizen security observatories"), B("las encuestas de victimización", "victimization surveys"), B("el análisis delictual", "crime analysis")],
            [
                B("Las estadísticas de homicidios de {country} se armonizaron con la Clasificación Internacional de Delitos con Fines Estadísticos.", "The homicide statistics of {country} were harmonised with the International Classification of Crime for Statistical Purposes."),
                B("La encuesta de victimización de {year} entrevistó a {n} hogares y reveló que solo un {pct} % de los delitos se denuncia.", "The {year} victimization survey interviewed {n} households and found that only {pct}% of crimes are reported."),
                B("Los observatorios de seguridad ciudadana reúnen datos de la policía, la fiscalía, la salud y los municipios.", "Citizen security observatories bring together data from the police, prosecutors, health services and municipalities."),
                B("Los analistas de datos delictivos elaboran mapas de calor que orientan el patrullaje y la prevención.", "Crime data analysts produce heat maps that guide patrols and prevention."),
                B("Sin datos comparables entre países, es difícil evaluar qué políticas de seguridad funcionan.", "Without data comparable across countries, it is hard to assess which security policies work."),
                B("La tasa de homicidios por cada 100.000 habitantes bajó en {city} después de {year}.", "The homicide rate per 100,000 inhabitants fell in {city} after {year}."),
                B("Los indicadores del sistema de información se publican cada trimestre en formato abierto.", "The information system's indicators are published every quarter in an open format."),
            ],
            [B("Fuentes de datos y metodología", "Data sources and methodology"), B("Indicadores", "Indicators")],
            [B("estadísticas", "statistics"), B("datos abiertos", "open data"), B("victimización", "victimization")]),
    ];

    /// <summary>Sentences any item may use: cooperation, method, recommendations.</summary>
    public static readonly Bi[] General =
    [
        B("El documento recoge las lecciones aprendidas en {country} sobre {subject}.", "The document gathers the lessons learned in {country} on {subject}."),
        B("Este trabajo fue elaborado con el apoyo del Departamento de Seguridad Pública de la Organización de los Estados Americanos.", "This work was prepared with the support of the Department of Public Security of the Organization of American States."),
        B("La metodología combinó entrevistas con {audience}, revisión documental y visitas de campo en {city}.", "The methodology combined interviews with {audience}, a document review and field visits in {city}."),
        B("Participaron {n} personas de {audience} de {country} y de países vecinos.", "{n} {audience} from {country} and neighbouring countries took part."),
        B("Las recomendaciones se presentaron a las autoridades nacionales en {year}.", "The recommendations were presented to the national authorities in {year}."),
        B("La cooperación con {partner} fue decisiva para sostener los resultados.", "Cooperation with {partner} was decisive in sustaining the results."),
        B("Se recomienda institucionalizar la capacitación y asignar presupuesto propio a {subject}.", "It recommends institutionalising training and giving {subject} a budget of its own."),
        B("Los resultados deben leerse con cautela: el periodo de observación fue corto y los datos administrativos tienen lagunas.", "The results should be read with caution: the observation period was short and the administrative data have gaps."),
        B("Las experiencias de otros países de la región muestran que los cambios requieren al menos cinco años.", "Experience in other countries of the region shows that change takes at least five years."),
        B("La Reunión de Ministros en Materia de Seguridad Pública de las Américas (MISPA) ha señalado {subject} como prioridad.", "The Meeting of Ministers Responsible for Public Security in the Americas (MISPA) has named {subject} a priority."),
        B("El intercambio de buenas prácticas entre {audience} de distintos países enriqueció el diseño de la política.", "The exchange of good practices among {audience} from different countries enriched the design of the policy."),
        B("La evaluación de impacto se encargó a una universidad independiente.", "The impact evaluation was commissioned from an independent university."),
        B("La participación de las mujeres policías en los equipos mejoró la atención a las víctimas.", "The participation of women police officers in the teams improved the care of victims."),
        B("El taller regional se celebró en {city} en {year} y reunió a delegaciones de varios Estados miembros.", "The regional workshop was held in {city} in {year} and brought together delegations from several member states."),
    ];

    public static readonly Bi[] PublicationTitles =
    [
        B("Guía práctica sobre {subject} en {country}", "Practical guide to {subject} in {country}"),
        B("Lecciones aprendidas en {subject}: el caso de {country}", "Lessons learned in {subject}: the case of {country}"),
        B("Diagnóstico nacional sobre {subject}, {country} {year}", "National assessment of {subject}, {country} {year}"),
        B("Manual de {subject} para {audience}", "Handbook on {subject} for {audience}"),
        B("Informe sobre {subject} en {country} ({year})", "Report on {subject} in {country} ({year})"),
        B("Evaluación de un programa de {subject} en {city}", "Evaluation of a programme on {subject} in {city}"),
    ];

    public static readonly Bi[] BestPracticeTitles =
    [
        B("Buena práctica: {subject} en {city}", "Good practice: {subject} in {city}"),
        B("Cómo {country} mejoró {subject}", "How {country} improved {subject}"),
        B("Una experiencia de {subject} con {audience} en {city}", "An experience of {subject} with {audience} in {city}"),
    ];

    public static readonly Bi[] NewsTitles =
    [
        B("{country} y la OEA refuerzan {subject}", "{country} and the OAS strengthen {subject}"),
        B("Concluye en {city} un curso sobre {subject} para {audience}", "Course on {subject} for {audience} ends in {city}"),
        B("Seminario regional sobre {subject} en {city}", "Regional seminar on {subject} in {city}"),
        B("{n} {audience} de {country} se capacitan en {subject}", "{n} {audience} from {country} trained in {subject}"),
    ];

    public static readonly Bi[] BlogTitles =
    [
        B("¿Qué funciona en {subject}? Notas desde {city}", "What works in {subject}? Notes from {city}"),
        B("Cinco ideas sobre {subject} en {country}", "Five ideas on {subject} in {country}"),
        B("{subject}: lo que aprendimos en {year}", "{subject}: what we learned in {year}"),
    ];

    public static readonly Bi[] VideoTitles =
    [
        B("Video: {subject} en {city}", "Video: {subject} in {city}"),
        B("Entrevista sobre {subject} con {audience} de {country}", "Interview on {subject} with {audience} of {country}"),
        B("Webinario: {subject} ({year})", "Webinar: {subject} ({year})"),
    ];

    public static readonly Bi[] Summaries =
    [
        B("Este documento analiza {subject} en {country} y propone recomendaciones para {audience}.", "This document analyses {subject} in {country} and makes recommendations for {audience}."),
        B("Presenta los resultados de {subject} en {city} entre {year} y los años siguientes, con datos y testimonios.", "It presents the results of {subject} in {city} from {year} onwards, with data and testimonies."),
        B("Una síntesis de la experiencia de {country} en {subject}, de sus logros y de sus límites.", "A summary of the experience of {country} in {subject}, its achievements and its limits."),
        B("Reúne herramientas prácticas sobre {subject} pensadas para {audience}.", "It brings together practical tools on {subject} designed for {audience}."),
    ];
}
