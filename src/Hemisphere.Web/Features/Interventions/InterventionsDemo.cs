using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Interventions;

/// <summary>
/// Demo data for the catalogue: well-known programmes and practices with the reviews and trials
/// usually cited for them. Links are left empty rather than guessed; external ratings are quoted only
/// where the framework's label is well known. Idempotent: an entry whose slug exists is left alone.
/// </summary>
public static class InterventionsDemo
{
    private static Translations T(string en, string? es = null, string? pt = null, string? fr = null) => new(en, es, pt, fr);

    private static StudyInput Study(string citation, string design, string? country, int? followUp = null, bool independent = true, string quality = "strong", int? sample = null) =>
        new(citation, null, design, country, sample, followUp, independent, quality);

    private static OutcomeInput Outcome(string en, string es, string domain, string direction, string? size, bool significant, string rating) =>
        new(T(en, es), domain, direction, size, significant, rating);

    private static ImplementationInput Applied(string country, string? city, Guid? institution, string adaptationsEn, string adaptationsEs, string? evaluationEn = null, string? evaluationEs = null) =>
        new(country, city, institution, null, null, T(adaptationsEn, adaptationsEs), evaluationEn is null ? null : T(evaluationEn, evaluationEs));

    private static InterventionInput Entry(
        string slug, Translations name, Translations summary, string kind, string area, string continuum, string focus,
        string[] problems, string[] ages, string[] risk, string[] settings, Translations mechanism, Translations implementation,
        string rating, Translations rationale, StudyInput[] studies, OutcomeInput[] outcomes,
        bool sustained = false, bool replicated = false, string[]? aliases = null, string[]? sexes = null, string[]? themes = null,
        Translations? components = null, Translations? dosage = null, Translations? moderators = null, Translations? cost = null,
        ExternalRatingInput[]? external = null, ImplementationInput[]? applied = null, string mechanismQuality = "moderate", string implementationQuality = "moderate") =>
        new(slug, name, aliases?.ToList(), summary, kind, "published", area, continuum, focus,
            [.. problems], null, [.. ages], sexes?.ToList(), [.. risk], [.. settings], ["urban"], themes?.ToList(),
            null, null, mechanism, mechanismQuality, components, dosage, implementation, implementationQuality, null, moderators, moderators is null ? null : "moderate",
            new CostInput(null, null, null, null, null, cost, cost is null ? null : "low"),
            rating, rationale, new DateOnly(2026, 9, 15), sustained, replicated,
            [.. studies], [.. outcomes], external?.ToList(), applied?.ToList());

    public static IReadOnlyList<InterventionInput> Entries(IReadOnlyDictionary<string, Guid> institutions)
    {
        Guid? Inst(string key) => institutions.TryGetValue(key, out var id) ? id : null;
        return
        [
            Entry("hot-spots-policing",
                T("Hot-spots policing", "Patrullaje policial en puntos calientes", "Policiamento de pontos quentes", "Police des points chauds"),
                T("Police attention — patrol, problem-solving or both — concentrated on the small places (street segments, corners) where a large share of crime happens.",
                  "Atención policial —patrullaje, solución de problemas o ambos— concentrada en los lugares pequeños (tramos de calle, esquinas) donde ocurre gran parte del delito."),
                "practice", "institutional", "primary", "prevention",
                ["street violence", "robbery", "drug markets", "disorder"], ["youngAdults", "adults"], ["universal"], ["community"],
                T("Crime concentrates in few places. Visible, unpredictable police presence there raises the perceived risk for offenders; problem-solving changes the conditions that make the place attractive for crime. Nearby areas tend to benefit too (diffusion of benefits) rather than receive displaced crime.",
                  "El delito se concentra en pocos lugares. Una presencia policial visible e impredecible allí aumenta el riesgo percibido por los infractores; la solución de problemas cambia las condiciones que hacen atractivo el lugar para el delito. Las zonas vecinas suelen beneficiarse también (difusión de beneficios) en lugar de recibir delito desplazado."),
                T("Geocoded crime data of good quality and an analyst to find the hot spots; supervisors who make patrols actually reach them; short, frequent, unpredictable visits (around 15 minutes); monitoring of dosage through GPS or patrol logs.",
                  "Datos delictivos georreferenciados de buena calidad y un analista que identifique los puntos calientes; supervisores que aseguren que las patrullas lleguen a ellos; visitas cortas, frecuentes e impredecibles (unos 15 minutos); seguimiento de la dosis mediante GPS o registros de patrullaje."),
                "effective",
                T("A Campbell systematic review of 65 studies found small but significant reductions of crime at treated places, with diffusion of benefits more likely than displacement. Problem-oriented approaches at hot spots show larger effects than increased patrol alone.",
                  "Una revisión sistemática Campbell de 65 estudios encontró reducciones pequeñas pero significativas del delito en los lugares tratados, siendo más probable la difusión de beneficios que el desplazamiento. Los enfoques orientados a problemas en puntos calientes muestran efectos mayores que el solo aumento del patrullaje."),
                [
                    Study("Braga, A. A., Turchan, B. S., Papachristos, A. V., & Hureau, D. M. (2019). Hot spots policing of small geographic areas effects on crime. Campbell Systematic Reviews, 15(3).", "systematicReview", "International"),
                    Study("Sherman, L. W., & Weisburd, D. (1995). General deterrent effects of police patrol in crime \"hot spots\": A randomized, controlled trial. Justice Quarterly, 12(4), 625–648.", "randomisedTrial", "United States", sample: 110),
                    Study("Blattman, C., Green, D. P., Ortega, D., & Tobón, S. (2021). Place-based interventions at scale: The direct and spillover effects of policing and city services on crime. Journal of the European Economic Association, 19(4), 2022–2051.", "randomisedTrial", "Colombia"),
                ],
                [
                    Outcome("Crime at the treated places", "Delito en los lugares tratados", "crime", "reduced", "small mean effect across studies", true, "effective"),
                    Outcome("Crime displaced to nearby areas", "Delito desplazado a zonas vecinas", "crime", "noEffect", "diffusion of benefits more common than displacement", false, "effective"),
                ],
                sustained: false, replicated: true, themes: ["policing", "crime analysis"],
                dosage: T("Several short visits per shift to each hot spot, for months.", "Varias visitas cortas por turno a cada punto caliente, durante meses."),
                external: [new ExternalRatingInput("CrimeSolutions (National Institute of Justice)", "Effective", "Crime", null, null)],
                applied:
                [
                    Applied("CO", "Bogotá", Inst("ponal-co"), "More patrol time on randomly chosen high-crime streets, alongside city services.", "Más tiempo de patrullaje en calles de alta criminalidad elegidas al azar, junto con servicios municipales.",
                        "Large-scale randomised evaluation (Blattman et al., 2021): modest effects on the streets treated, with some displacement of property crime.", "Evaluación aleatorizada a gran escala (Blattman et al., 2021): efectos modestos en las calles tratadas, con cierto desplazamiento del delito contra la propiedad."),
                    Applied("TT", "Port of Spain", Inst("ttps-tt"), "Foot patrols at hot spots with feedback of patrol time to commanders.", "Patrullajes a pie en puntos calientes con retroalimentación del tiempo de patrullaje a los mandos."),
                ]),

            Entry("focused-deterrence",
                T("Focused deterrence (group violence intervention)", "Disuasión focalizada (intervención contra la violencia grupal)", "Dissuasão focalizada", "Dissuasion ciblée"),
                T("Police, prosecutors, community members and service providers tell the few groups driving serious violence, face to face, that violence will bring swift consequences for the whole group — and offer help to those who want out.",
                  "Policía, fiscalía, miembros de la comunidad y proveedores de servicios comunican cara a cara a los pocos grupos que generan la violencia grave que la violencia tendrá consecuencias rápidas para todo el grupo, y ofrecen ayuda a quienes quieran salir."),
                "practice", "institutional", "tertiary", "reoffending",
                ["homicide", "gun violence", "gang violence", "drug markets"], ["adolescents", "youngAdults"], ["highRisk", "justiceInvolved"], ["community", "justice"],
                T("A credible, direct message raises the certainty of sanctions for a specific group, while community voices set a moral norm against violence and services offer a way out. Group accountability uses peer pressure inside the group.",
                  "Un mensaje directo y creíble aumenta la certeza de la sanción para un grupo concreto, mientras las voces de la comunidad fijan una norma moral contra la violencia y los servicios ofrecen una salida. La responsabilidad grupal aprovecha la presión de pares dentro del grupo."),
                T("Problem analysis of who is involved in violence; a working group of police, prosecution, probation and community; capacity to follow through on both the promised enforcement and the promised services.",
                  "Análisis del problema para saber quién participa en la violencia; un grupo de trabajo de policía, fiscalía, libertad vigilada y comunidad; capacidad de cumplir tanto la sanción como los servicios prometidos."),
                "promising",
                T("An updated systematic review found moderate, significant reductions of crime in 24 evaluations, largest for gang and group violence. All were quasi-experiments; there is no randomised trial, and weaker designs reported larger effects.",
                  "Una revisión sistemática actualizada encontró reducciones moderadas y significativas del delito en 24 evaluaciones, mayores para la violencia de pandillas y grupos. Todas fueron cuasi-experimentos; no hay ensayo aleatorizado, y los diseños más débiles informaron efectos mayores."),
                [
                    Study("Braga, A. A., Weisburd, D., & Turchan, B. (2018). Focused deterrence strategies and crime control: An updated systematic review and meta-analysis of the empirical evidence. Criminology & Public Policy, 17(1), 205–250.", "metaAnalysis", "International"),
                    Study("Braga, A. A., Kennedy, D. M., Waring, E. J., & Piehl, A. M. (2001). Problem-oriented policing, deterrence, and youth violence: An evaluation of Boston's Operation Ceasefire. Journal of Research in Crime and Delinquency, 38(3), 195–225.", "quasiExperiment", "United States", independent: false, quality: "moderate"),
                ],
                [Outcome("Group-involved violence", "Violencia cometida por grupos", "violent crime", "reduced", "moderate mean effect", true, "promising")],
                aliases: ["Operation Ceasefire", "pulling levers"], sexes: ["male"], themes: ["gangs", "firearms"]),

            Entry("cctv-public-areas",
                T("CCTV surveillance in public areas", "Videovigilancia (CCTV) en espacios públicos", "Videovigilância em espaços públicos", "Vidéosurveillance dans les espaces publics"),
                T("Closed-circuit television cameras watching streets, car parks, public transport or housing estates, monitored live or recorded.",
                  "Cámaras de circuito cerrado que vigilan calles, estacionamientos, transporte público o conjuntos habitacionales, con monitoreo en vivo o grabación."),
                "practice", "situational", "primary", "prevention",
                ["vehicle crime", "property crime", "robbery"], ["adults"], ["universal"], ["community"],
                T("Cameras raise the perceived risk of being seen and caught, and can speed up police response when monitored actively; they may also make people use a place more, adding natural surveillance.",
                  "Las cámaras aumentan el riesgo percibido de ser visto y detenido y, con monitoreo activo, pueden acelerar la respuesta policial; también pueden hacer que la gente use más un lugar, sumando vigilancia natural."),
                T("Cameras placed where crime concentrates, operators watching actively, a protocol linking operators to patrols, maintenance, and rules on privacy and retention of images.",
                  "Cámaras ubicadas donde se concentra el delito, operadores que vigilen activamente, un protocolo que vincule operadores y patrullas, mantenimiento, y reglas sobre privacidad y conservación de imágenes."),
                "promising",
                T("Meta-analyses over four decades find a modest, significant overall reduction, concentrated in car parks and residential areas and in vehicle and property crime, with no significant effect on violent crime. Effects are larger when cameras are monitored actively and combined with other measures.",
                  "Metaanálisis de cuatro décadas encuentran una reducción general modesta y significativa, concentrada en estacionamientos y zonas residenciales y en delitos contra vehículos y la propiedad, sin efecto significativo en la violencia. Los efectos son mayores con monitoreo activo y combinados con otras medidas."),
                [
                    Study("Welsh, B. C., & Farrington, D. P. (2009). Public area CCTV and crime prevention: An updated systematic review and meta-analysis. Justice Quarterly, 26(4), 716–745.", "metaAnalysis", "International"),
                    Study("Piza, E. L., Welsh, B. C., Farrington, D. P., & Thomas, A. L. (2019). CCTV surveillance for crime prevention: A 40-year systematic review with meta-analysis. Criminology & Public Policy, 18(1), 135–159.", "metaAnalysis", "International"),
                ],
                [
                    Outcome("Vehicle crime in car parks", "Delitos contra vehículos en estacionamientos", "property crime", "reduced", "largest effects of all settings", true, "effective"),
                    Outcome("Violent crime", "Delitos violentos", "violent crime", "noEffect", null, false, "noEffect"),
                ],
                themes: ["technology", "public space"],
                moderators: T("Works best in car parks and residential areas, with active monitoring and alongside lighting or patrols.", "Funciona mejor en estacionamientos y zonas residenciales, con monitoreo activo y junto con iluminación o patrullaje.")),

            Entry("improved-street-lighting",
                T("Improved street lighting", "Mejora del alumbrado público", "Melhoria da iluminação pública", "Amélioration de l’éclairage public"),
                T("Brighter, more even lighting of streets, paths and public housing grounds.", "Iluminación más intensa y uniforme de calles, senderos y áreas comunes de vivienda pública."),
                "practice", "situational", "primary", "prevention",
                ["street robbery", "assault", "burglary"], ["adults"], ["universal"], ["community"],
                T("Better lighting increases natural surveillance and the risk of being recognised, and signals investment in the neighbourhood, strengthening community pride and informal control — which may explain why crime also falls in daytime.",
                  "Una mejor iluminación aumenta la vigilancia natural y el riesgo de ser reconocido, y señala inversión en el barrio, fortaleciendo el orgullo comunitario y el control informal, lo que podría explicar por qué el delito también baja de día."),
                T("Lighting audit of the area, installation and maintenance budget, and coordination with the utility and with residents.", "Diagnóstico de la iluminación de la zona, presupuesto de instalación y mantenimiento, y coordinación con la empresa eléctrica y con los vecinos."),
                "effective",
                T("A Campbell review of 13 studies found crime about a fifth lower in areas with improved lighting, and a large randomised trial in New York City public housing found fewer outdoor night-time serious crimes.",
                  "Una revisión Campbell de 13 estudios encontró cerca de una quinta parte menos delitos en zonas con mejor iluminación, y un gran ensayo aleatorizado en vivienda pública de Nueva York encontró menos delitos graves nocturnos en exteriores."),
                [
                    Study("Welsh, B. C., & Farrington, D. P. (2008). Effects of improved street lighting on crime. Campbell Systematic Reviews, 4(1).", "metaAnalysis", "United Kingdom; United States"),
                    Study("Chalfin, A., Hansen, B., Lerner, J., & Parker, L. (2022). Reducing crime through environmental design: Evidence from a randomized experiment of street lighting in New York City. Journal of Quantitative Criminology, 38(1), 127–157.", "randomisedTrial", "United States"),
                ],
                [Outcome("Outdoor night-time crime", "Delito nocturno en exteriores", "crime", "reduced", "about a fifth lower on average", true, "effective")],
                themes: ["urban design", "CPTED"],
                cost: T("Mostly capital cost of lamps and poles; some studies found savings from crime prevented exceeded costs.", "Principalmente el costo de capital de luminarias y postes; algunos estudios encontraron que el ahorro por delitos evitados superó los costos.")),

            Entry("cognitive-behavioural-therapy-youth",
                T("Cognitive behavioural therapy for young people at risk or in conflict with the law", "Terapia cognitivo-conductual para jóvenes en riesgo o en conflicto con la ley", "Terapia cognitivo-comportamental para jovens em risco ou em conflito com a lei", "Thérapie cognitivo-comportementale pour les jeunes à risque ou en conflit avec la loi"),
                T("Group sessions in which young people learn to notice automatic thoughts, slow down in high-stakes moments, and solve problems without violence.",
                  "Sesiones grupales en las que los jóvenes aprenden a reconocer pensamientos automáticos, a detenerse en momentos de alto riesgo y a resolver problemas sin violencia."),
                "practice", "institutional", "secondary", "reoffending",
                ["violent crime", "reoffending"], ["adolescents", "youngAdults"], ["atRisk", "highRisk", "justiceInvolved"], ["justice", "school", "community"],
                T("Offending often follows automatic, hostile interpretations of situations. Practising new ways of thinking and reacting, with rehearsal and feedback, changes behaviour in the situations that lead to violence.",
                  "El delito suele seguir a interpretaciones automáticas y hostiles de las situaciones. Practicar nuevas formas de pensar y reaccionar, con ensayo y retroalimentación, cambia la conducta en las situaciones que llevan a la violencia."),
                T("Trained facilitators (psychologists or supervised counsellors), a manualised curriculum, small groups and attendance incentives; fidelity monitoring.",
                  "Facilitadores capacitados (psicólogos u orientadores supervisados), un currículo manualizado, grupos pequeños e incentivos a la asistencia; seguimiento de la fidelidad."),
                "effective",
                T("A meta-analysis of 58 studies found recidivism about a quarter lower on average, more with well-implemented programmes for high-risk offenders. Randomised trials in Chicago and Liberia found fewer violent-crime arrests or less antisocial behaviour; some effects faded after the programme ended.",
                  "Un metaanálisis de 58 estudios encontró una reincidencia en promedio una cuarta parte menor, más con programas bien implementados para infractores de alto riesgo. Ensayos aleatorizados en Chicago y Liberia encontraron menos detenciones por delitos violentos o menos conducta antisocial; algunos efectos se desvanecieron al terminar el programa."),
                [
                    Study("Lipsey, M. W., Landenberger, N. A., & Wilson, S. J. (2007). Effects of cognitive-behavioral programs for criminal offenders. Campbell Systematic Reviews, 3(1).", "metaAnalysis", "International"),
                    Study("Heller, S. B., Shah, A. K., Guryan, J., Ludwig, J., Mullainathan, S., & Pollack, H. A. (2017). Thinking, fast and slow? Some field experiments to reduce crime and dropout in Chicago. Quarterly Journal of Economics, 132(1), 1–54.", "randomisedTrial", "United States"),
                    Study("Blattman, C., Jamison, J. C., & Sheridan, M. (2017). Reducing crime and violence: Experimental evidence from cognitive behavioral therapy in Liberia. American Economic Review, 107(4), 1165–1206.", "randomisedTrial", "Liberia"),
                ],
                [
                    Outcome("Reoffending", "Reincidencia", "reoffending", "reduced", "about 25% lower on average", true, "effective"),
                    Outcome("Violent-crime arrests", "Detenciones por delitos violentos", "violent crime", "reduced", null, true, "effective"),
                ],
                sustained: true, replicated: true, aliases: ["Becoming a Man", "Sustainable Transformation of Youth in Liberia (STYL)"], themes: ["youth", "violence"],
                dosage: T("Typically 10 to 30 weekly group sessions of one hour or more.", "Normalmente de 10 a 30 sesiones grupales semanales de una hora o más.")),

            Entry("communities-that-care",
                T("Communities That Care", "Comunidades que se Cuidan", "Comunidades que se Cuidam", "Communities That Care"),
                T("A prevention system in which a community coalition surveys its young people, picks the risk and protective factors that matter most locally, and puts tested programmes in place to address them.",
                  "Un sistema de prevención en el que una coalición comunitaria encuesta a sus jóvenes, elige los factores de riesgo y de protección más importantes en el lugar e implementa programas probados para abordarlos."),
                "programme", "community", "primary", "prevention",
                ["delinquency", "youth violence", "drug and alcohol use"], ["children", "adolescents"], ["universal"], ["community", "school"],
                T("Problem behaviours share risk and protective factors. A coalition that measures them and chooses proven programmes to match spends its prevention effort where it matters, and sustains it through shared ownership.",
                  "Las conductas problemáticas comparten factores de riesgo y de protección. Una coalición que los mide y elige programas probados acordes orienta su esfuerzo preventivo donde importa y lo sostiene gracias a la apropiación compartida."),
                T("A local coordinator, a coalition of key leaders, a youth survey every two years, training over five phases, and funds for the chosen programmes.",
                  "Un coordinador local, una coalición de líderes clave, una encuesta a jóvenes cada dos años, capacitación en cinco fases y fondos para los programas elegidos."),
                "effective",
                T("A randomised trial in 24 US communities found less onset of delinquency and substance use among students, with effects still present years after the trial support ended.",
                  "Un ensayo aleatorizado en 24 comunidades de Estados Unidos encontró menor inicio de conductas delictivas y consumo de sustancias entre estudiantes, con efectos aún presentes años después de terminado el apoyo del ensayo."),
                [
                    Study("Hawkins, J. D., Oesterle, S., Brown, E. C., Arthur, M. W., Abbott, R. D., Fagan, A. A., & Catalano, R. F. (2009). Results of a type 2 translational research trial to prevent adolescent drug use and delinquency: A test of Communities That Care. Archives of Pediatrics & Adolescent Medicine, 163(9), 789–798.", "randomisedTrial", "United States", independent: false),
                    Study("Hawkins, J. D., Oesterle, S., Brown, E. C., Abbott, R. D., & Catalano, R. F. (2014). Youth problem behaviors 8 years after implementing the Communities That Care prevention system: A community-randomized trial. JAMA Pediatrics, 168(2), 122–129.", "randomisedTrial", "United States", followUp: 96, independent: false),
                ],
                [Outcome("Onset of delinquent behaviour", "Inicio de conductas delictivas", "delinquency", "reduced", null, true, "effective")],
                sustained: true, aliases: ["CTC", "Comunidades que se Cuidan"], themes: ["youth", "local government"],
                applied: [Applied("CL", null, null, "Spanish-language adaptation of the youth survey and training materials for municipal coalitions.", "Adaptación al español de la encuesta juvenil y de los materiales de capacitación para coaliciones municipales.")]),

            Entry("youth-mentoring",
                T("Mentoring for young people at risk", "Mentoría para jóvenes en riesgo", "Mentoria para jovens em risco", "Mentorat pour les jeunes à risque"),
                T("A trained adult volunteer meets regularly with a young person for at least a year, offering support, guidance and a positive relationship.",
                  "Un adulto voluntario capacitado se reúne regularmente con un joven durante al menos un año, ofreciéndole apoyo, orientación y una relación positiva."),
                "practice", "community", "secondary", "prevention",
                ["delinquency", "aggression", "drug use"], ["children", "adolescents"], ["atRisk"], ["community", "school"],
                T("A caring adult provides emotional support, a role model and advocacy, which strengthens the young person's bonds to school and pro-social peers.",
                  "Un adulto que se preocupa brinda apoyo emocional, un modelo a seguir y defensa, lo que fortalece los vínculos del joven con la escuela y con pares prosociales."),
                T("Screening and training of mentors, careful matching, supervision by case workers, and commitment to meetings for at least twelve months.",
                  "Selección y capacitación de mentores, emparejamiento cuidadoso, supervisión por parte de trabajadores sociales y compromiso de reuniones durante al menos doce meses."),
                "promising",
                T("A Campbell review found modest positive effects on delinquency, aggression and drug use, larger when mentors also act as advocates and when mentoring is motivated by professional development; study quality varies.",
                  "Una revisión Campbell encontró efectos positivos modestos en delincuencia, agresión y consumo de drogas, mayores cuando los mentores también actúan como defensores y cuando la mentoría tiene un motivo de desarrollo profesional; la calidad de los estudios es variable."),
                [
                    Study("Tolan, P., Henry, D., Schoeny, M., Bass, A., Lovegrove, P., & Nichols, E. (2013). Mentoring interventions to affect juvenile delinquency and associated problems: A systematic review. Campbell Systematic Reviews, 9(1).", "systematicReview", "International"),
                    Study("Tierney, J. P., Grossman, J. B., & Resch, N. L. (1995). Making a difference: An impact study of Big Brothers/Big Sisters. Philadelphia: Public/Private Ventures.", "randomisedTrial", "United States", followUp: 18),
                ],
                [Outcome("Delinquency", "Conductas delictivas", "delinquency", "reduced", "small mean effect", true, "promising")],
                aliases: ["Big Brothers Big Sisters"], themes: ["youth"],
                applied: [Applied("CA", null, null, "Community-based and school-based mentoring by a national network of agencies.", "Mentoría comunitaria y escolar a cargo de una red nacional de organizaciones.")]),

            Entry("cure-violence",
                T("Cure Violence (violence interruption)", "Cure Violence (interrupción de la violencia)", "Cure Violence (interrupção da violência)", "Cure Violence (interruption de la violence)"),
                T("Trained outreach workers and 'violence interrupters' from the neighbourhood detect conflicts likely to turn into shootings, mediate them, and work with the people at highest risk.",
                  "Trabajadores comunitarios e 'interruptores de violencia' del propio barrio detectan conflictos que pueden terminar en tiroteos, median en ellos y trabajan con las personas de mayor riesgo."),
                "programme", "community", "secondary", "prevention",
                ["gun violence", "homicide", "retaliatory violence"], ["adolescents", "youngAdults"], ["highRisk"], ["community"],
                T("Treats violence like a contagious disease: interrupting transmission (mediating disputes, preventing retaliation), changing the behaviour of those at highest risk, and changing community norms about violence.",
                  "Trata la violencia como una enfermedad contagiosa: interrumpir la transmisión (mediar disputas, prevenir represalias), cambiar la conducta de quienes tienen mayor riesgo y cambiar las normas comunitarias sobre la violencia."),
                T("Credible staff from the community, intensive training and supervision, safety protocols for workers, hospital and community partners, and stable funding over several years.",
                  "Personal creíble de la propia comunidad, capacitación y supervisión intensivas, protocolos de seguridad para el personal, alianzas con hospitales y la comunidad, y financiamiento estable durante varios años."),
                "promising",
                T("Quasi-experimental evaluations found reductions in shootings in some sites but not in others; results depend strongly on implementation. There is no randomised trial.",
                  "Evaluaciones cuasi-experimentales encontraron reducciones de tiroteos en algunos sitios pero no en otros; los resultados dependen mucho de la implementación. No existe un ensayo aleatorizado."),
                [
                    Study("Skogan, W. G., Hartnett, S. M., Bump, N., & Dubois, J. (2008). Evaluation of CeaseFire-Chicago. Report to the National Institute of Justice. Evanston, IL: Northwestern University.", "quasiExperiment", "United States", quality: "moderate"),
                    Study("Butts, J. A., Roman, C. G., Bostwick, L., & Porter, J. R. (2015). Cure Violence: A public health model to reduce gun violence. Annual Review of Public Health, 36, 39–53.", "other", "United States", quality: "low"),
                    Study("Maguire, E. R., Oakley, M. T., & Corsaro, N. (2018). Evaluating Cure Violence in Trinidad and Tobago. Washington, DC: Inter-American Development Bank.", "quasiExperiment", "Trinidad and Tobago", quality: "moderate"),
                ],
                [Outcome("Shootings in the target area", "Tiroteos en la zona de intervención", "gun violence", "reduced", "mixed across sites", false, "promising")],
                aliases: ["CeaseFire", "violence interrupters", "interruptores de violencia"], sexes: ["male"], themes: ["public health", "firearms"],
                applied:
                [
                    Applied("TT", "Port of Spain", null, "Run in communities east of the capital with support of the Inter-American Development Bank.", "Aplicado en comunidades al este de la capital con apoyo del Banco Interamericano de Desarrollo.",
                        "Independent quasi-experimental evaluation for the IDB (Maguire, Oakley and Corsaro, 2018); see the studies above.", "Evaluación cuasi-experimental independiente para el BID (Maguire, Oakley y Corsaro, 2018); véanse los estudios arriba."),
                    Applied("HN", "San Pedro Sula", null, "Violence interrupters recruited locally; adapted to gang (mara) dynamics.", "Interruptores de violencia reclutados localmente; adaptado a la dinámica de las maras."),
                ]),

            Entry("problem-oriented-policing",
                T("Problem-oriented policing", "Policía orientada a la solución de problemas", "Policiamento orientado para problemas", "Police orientée vers la résolution de problèmes"),
                T("Officers and analysts identify a recurring crime problem, analyse its causes, design tailored responses (often with partners outside the police) and assess the results — the SARA cycle.",
                  "Policías y analistas identifican un problema delictivo recurrente, analizan sus causas, diseñan respuestas a la medida (a menudo con socios fuera de la policía) y evalúan los resultados: el ciclo SARA."),
                "practice", "institutional", "primary", "prevention",
                ["property crime", "violent crime", "disorder"], ["adults"], ["universal"], ["community"],
                T("Removing the conditions that generate repeated incidents (places, victims, offenders, facilitators) prevents future incidents instead of only reacting to them.",
                  "Eliminar las condiciones que generan incidentes repetidos (lugares, víctimas, infractores, facilitadores) previene incidentes futuros en lugar de solo reaccionar ante ellos."),
                T("Crime analysis capacity, training in the SARA model, time released from response duties, and partners who can change places and services.",
                  "Capacidad de análisis delictivo, capacitación en el modelo SARA, tiempo liberado de las tareas de respuesta y socios que puedan cambiar lugares y servicios."),
                "effective",
                T("Campbell reviews found modest but significant reductions in crime and disorder; a randomised trial at violent places in Jersey City found fewer calls and incidents without significant displacement. Implementation is often shallow, with little analysis.",
                  "Revisiones Campbell encontraron reducciones modestas pero significativas del delito y del desorden; un ensayo aleatorizado en lugares violentos de Jersey City encontró menos llamadas e incidentes sin desplazamiento significativo. La implementación suele ser superficial, con poco análisis."),
                [
                    Study("Weisburd, D., Telep, C. W., Hinkle, J. C., & Eck, J. E. (2010). Is problem-oriented policing effective in reducing crime and disorder? Findings from a Campbell systematic review. Criminology & Public Policy, 9(1), 139–172.", "metaAnalysis", "International"),
                    Study("Hinkle, J. C., Weisburd, D., Telep, C. W., & Petersen, K. (2020). Problem-oriented policing for reducing crime and disorder: An updated systematic review and meta-analysis. Campbell Systematic Reviews, 16(2).", "metaAnalysis", "International"),
                    Study("Braga, A. A., Weisburd, D. L., Waring, E. J., Mazerolle, L. G., Spelman, W., & Gajewski, F. (1999). Problem-oriented policing in violent crime places: A randomized controlled experiment. Criminology, 37(3), 541–580.", "randomisedTrial", "United States", independent: false),
                ],
                [Outcome("Crime and disorder", "Delito y desorden", "crime", "reduced", "modest mean effect", true, "effective")],
                replicated: true, aliases: ["POP", "SARA"], themes: ["policing", "crime analysis"]),

            Entry("school-anti-bullying",
                T("School-based anti-bullying programmes", "Programas escolares contra el acoso (bullying)", "Programas escolares contra o bullying", "Programmes scolaires contre le harcèlement"),
                T("Whole-school programmes with rules against bullying, teacher training, supervision of playgrounds, classroom work and talks with pupils involved and their parents.",
                  "Programas para toda la escuela con reglas contra el acoso, capacitación docente, supervisión de los recreos, trabajo en aula y conversaciones con los alumnos involucrados y sus familias."),
                "practice", "community", "primary", "prevention",
                ["bullying", "school violence"], ["children", "adolescents"], ["universal"], ["school"],
                T("Clear rules consistently applied, more adult supervision and classroom norms against bullying reduce the opportunities and the social rewards of bullying.",
                  "Reglas claras aplicadas con coherencia, más supervisión adulta y normas de aula contra el acoso reducen las oportunidades y las recompensas sociales del acoso."),
                T("Commitment of school leadership, teacher training, a coordinating group in each school, and at least a full school year of implementation.",
                  "Compromiso de la dirección escolar, capacitación docente, un grupo coordinador en cada escuela y al menos un año escolar completo de implementación."),
                "effective",
                T("A meta-analysis of 44 evaluations found bullying and victimisation about a fifth lower on average; more intensive and longer programmes, with parent meetings and playground supervision, did better.",
                  "Un metaanálisis de 44 evaluaciones encontró en promedio alrededor de una quinta parte menos de acoso y victimización; los programas más intensos y largos, con reuniones de padres y supervisión de recreos, obtuvieron mejores resultados."),
                [
                    Study("Ttofi, M. M., & Farrington, D. P. (2011). Effectiveness of school-based programs to reduce bullying: A systematic and meta-analytic review. Journal of Experimental Criminology, 7(1), 27–56.", "metaAnalysis", "International"),
                    Study("Olweus, D. (1993). Bullying at school: What we know and what we can do. Oxford: Blackwell.", "other", "Norway", independent: false, quality: "moderate"),
                ],
                [
                    Outcome("Bullying others", "Acosar a otros", "bullying", "reduced", "about 20% on average", true, "effective"),
                    Outcome("Being bullied", "Ser víctima de acoso", "victimisation", "reduced", "about 17–20% on average", true, "effective"),
                ],
                aliases: ["Olweus Bullying Prevention Program", "KiVa"], themes: ["schools", "youth"]),

            Entry("dare-drug-education",
                T("D.A.R.E. (original police-taught drug education curriculum)", "D.A.R.E. (currículo original de educación sobre drogas impartido por policías)", "D.A.R.E. / PROERD (currículo original)", "D.A.R.E. (programme original d’éducation aux drogues donné par la police)"),
                T("Uniformed police officers teach a classroom curriculum on resisting drugs and violence to pupils in their last years of primary school.",
                  "Policías uniformados imparten en el aula un currículo sobre cómo resistir las drogas y la violencia a alumnos de los últimos años de primaria."),
                "programme", "community", "primary", "prevention",
                ["drug use"], ["children", "adolescents"], ["universal"], ["school"],
                T("Meant to give pupils information, refusal skills and self-esteem, delivered by police officers as credible role models.",
                  "Pretende dar a los alumnos información, habilidades para decir no y autoestima, con policías como modelos creíbles."),
                T("Police officers trained as instructors, weekly lessons in schools over a term, agreements with education authorities.",
                  "Policías formados como instructores, clases semanales en las escuelas durante un período, acuerdos con las autoridades educativas."),
                "noEffect",
                T("Meta-analyses of the original curriculum found effects on drug use close to zero and not significant. The curriculum has since been revised; revised versions need their own evaluation and are not rated here.",
                  "Los metaanálisis del currículo original encontraron efectos sobre el consumo de drogas cercanos a cero y no significativos. El currículo fue revisado después; las versiones revisadas requieren su propia evaluación y no se califican aquí."),
                [
                    Study("Ennett, S. T., Tobler, N. S., Ringwalt, C. L., & Flewelling, R. L. (1994). How effective is drug abuse resistance education? A meta-analysis of Project DARE outcome evaluations. American Journal of Public Health, 84(9), 1394–1401.", "metaAnalysis", "United States"),
                    Study("West, S. L., & O'Neal, K. K. (2004). Project D.A.R.E. outcome effectiveness revisited. American Journal of Public Health, 94(6), 1027–1029.", "metaAnalysis", "United States"),
                ],
                [Outcome("Drug use", "Consumo de drogas", "drug use", "noEffect", "near zero", false, "noEffect")],
                aliases: ["Drug Abuse Resistance Education", "PROERD"], themes: ["schools", "drugs", "policing"],
                applied: [Applied("BR", null, null, "Run by the state military police forces as PROERD (Programa Educacional de Resistência às Drogas e à Violência) since the 1990s.", "Aplicado por las policías militares estatales como PROERD (Programa Educacional de Resistência às Drogas e à Violência) desde los años noventa.")]),

            Entry("scared-straight",
                T("Scared Straight and other juvenile awareness programmes", "Scared Straight y otros programas de «concienciación» juvenil", "Scared Straight e outros programas de conscientização juvenil", "Scared Straight et autres programmes de sensibilisation des jeunes"),
                T("Organised visits to prisons in which inmates confront young people at risk with the harsh realities of prison life, to deter them from offending.",
                  "Visitas organizadas a cárceles en las que internos confrontan a jóvenes en riesgo con la dura realidad de la vida en prisión, para disuadirlos de delinquir."),
                "programme", "institutional", "secondary", "prevention",
                ["delinquency"], ["adolescents"], ["atRisk", "justiceInvolved"], ["justice"],
                T("Meant to deter through fear of prison. In practice it may glamourise prison, bring young people into contact with offenders, or provoke defiance.",
                  "Pretende disuadir mediante el miedo a la cárcel. En la práctica puede hacer atractiva la prisión, poner a los jóvenes en contacto con infractores o provocar rebeldía."),
                T("Not recommended.", "No se recomienda."),
                "harmful",
                T("A Campbell review pooling randomised trials found that participants offended more than comparable young people who did not take part. Do not implement it; divert the resources to effective programmes.",
                  "Una revisión Campbell que combinó ensayos aleatorizados encontró que los participantes delinquieron más que jóvenes comparables que no participaron. No debe aplicarse; conviene destinar los recursos a programas eficaces."),
                [
                    Study("Petrosino, A., Turpin-Petrosino, C., Hollis-Peel, M. E., & Lavenberg, J. G. (2013). 'Scared Straight' and other juvenile awareness programs for preventing juvenile delinquency. Campbell Systematic Reviews, 9(1).", "metaAnalysis", "United States"),
                    Study("Finckenauer, J. O. (1982). Scared Straight! and the panacea phenomenon. Englewood Cliffs, NJ: Prentice-Hall.", "other", "United States", quality: "moderate"),
                ],
                [Outcome("Offending by participants", "Delitos cometidos por los participantes", "delinquency", "increased", "higher odds of offending", true, "harmful")],
                aliases: ["juvenile awareness programmes", "prison visits for youth"], themes: ["youth", "prisons"]),

            Entry("multisystemic-therapy",
                T("Multisystemic Therapy (MST)", "Terapia Multisistémica (MST)", "Terapia Multissistêmica (MST)", "Thérapie multisystémique (MST)"),
                T("An intensive, home-based treatment in which a therapist works with the family of a young person with serious antisocial behaviour, and with the school, peers and neighbourhood around them.",
                  "Un tratamiento intensivo en el hogar en el que un terapeuta trabaja con la familia de un joven con conducta antisocial grave, y con la escuela, los pares y el barrio que lo rodean."),
                "programme", "community", "tertiary", "reoffending",
                ["serious juvenile offending", "violence"], ["adolescents"], ["highRisk", "justiceInvolved"], ["home", "community"],
                T("Antisocial behaviour has causes in several systems (family, peers, school, neighbourhood). Strengthening parents' capacity to supervise and discipline, and cutting ties with delinquent peers, changes behaviour where the young person lives.",
                  "La conducta antisocial tiene causas en varios sistemas (familia, pares, escuela, barrio). Fortalecer la capacidad de los padres para supervisar y poner límites, y cortar los lazos con pares infractores, cambia la conducta donde vive el joven."),
                T("Master's-level therapists in small teams, available around the clock, with weekly supervision and licensed quality assurance; caseloads of four to six families.",
                  "Terapeutas con nivel de maestría en equipos pequeños, disponibles las 24 horas, con supervisión semanal y aseguramiento de calidad licenciado; cuatro a seis familias por terapeuta."),
                "promising",
                T("A meta-analysis of 22 studies found small but significant effects on delinquency, larger in trials led by the developers; an independent systematic review judged the evidence inconclusive. Effects have been replicated outside the United States.",
                  "Un metaanálisis de 22 estudios encontró efectos pequeños pero significativos sobre la delincuencia, mayores en los ensayos dirigidos por los creadores; una revisión sistemática independiente consideró la evidencia no concluyente. Los efectos se han replicado fuera de Estados Unidos."),
                [
                    Study("Henggeler, S. W., Melton, G. B., & Smith, L. A. (1992). Family preservation using multisystemic therapy: An effective alternative to incarcerating serious juvenile offenders. Journal of Consulting and Clinical Psychology, 60(6), 953–961.", "randomisedTrial", "United States", independent: false, quality: "moderate"),
                    Study("van der Stouwe, T., Asscher, J. J., Stams, G. J. J. M., Deković, M., & van der Laan, P. H. (2014). The effectiveness of Multisystemic Therapy (MST): A meta-analysis. Clinical Psychology Review, 34(6), 468–481.", "metaAnalysis", "International"),
                    Study("Littell, J. H., Popa, M., & Forsythe, B. (2005). Multisystemic therapy for social, emotional, and behavioral problems in youth aged 10–17. Cochrane Database of Systematic Reviews.", "systematicReview", "International"),
                ],
                [Outcome("Delinquency", "Delincuencia", "delinquency", "reduced", "small mean effect", true, "promising")],
                sustained: true, replicated: true, aliases: ["MST", "Terapia Multisistémica"], themes: ["families", "youth"],
                dosage: T("Three to five months of home visits, several per week at first.", "De tres a cinco meses de visitas domiciliarias, varias por semana al principio."),
                cost: T("High per family (professional staff, licence); studies report savings from placements avoided.", "Alto por familia (personal profesional, licencia); los estudios informan ahorros por internaciones evitadas."),
                applied: [Applied("CL", "Santiago", null, "Delivered through the national crime-prevention programme for children and adolescents at risk, with licensed MST teams.", "Implementada mediante el programa nacional de prevención del delito para niños, niñas y adolescentes en riesgo, con equipos MST licenciados.")]),

            Entry("police-body-worn-cameras",
                T("Police body-worn cameras", "Cámaras corporales policiales", "Câmeras corporais policiais", "Caméras corporelles de la police"),
                T("Cameras worn by officers that record their encounters with the public.", "Cámaras portadas por los agentes que graban sus encuentros con el público."),
                "practice", "institutional", "primary", "prevention",
                ["police use of force", "assaults on officers", "complaints against police"], ["adults"], ["universal"], ["community", "justice"],
                T("Being recorded is expected to make both officers and citizens behave better, and recordings provide evidence.",
                  "Se espera que ser grabado haga que tanto agentes como ciudadanos se comporten mejor, y las grabaciones aportan pruebas."),
                T("Cameras, storage and a policy on when to record, retention, access and privacy; training and supervision of compliance.",
                  "Cámaras, almacenamiento y una política sobre cuándo grabar, conservación, acceso y privacidad; capacitación y supervisión del cumplimiento."),
                "insufficientEvidence",
                T("A systematic review found fewer complaints against officers, but effects on use of force, arrests and crime vary widely between studies; an early randomised trial in Rialto found large reductions that later trials did not consistently reproduce.",
                  "Una revisión sistemática encontró menos denuncias contra agentes, pero los efectos sobre el uso de la fuerza, las detenciones y el delito varían mucho entre estudios; un primer ensayo aleatorizado en Rialto encontró grandes reducciones que ensayos posteriores no reprodujeron de forma consistente."),
                [
                    Study("Ariel, B., Farrar, W. A., & Sutherland, A. (2015). The effect of police body-worn cameras on use of force and citizens' complaints against the police: A randomized controlled trial. Journal of Quantitative Criminology, 31(3), 509–535.", "randomisedTrial", "United States", independent: false, quality: "moderate"),
                    Study("Lum, C., Koper, C. S., Wilson, D. B., Stoltz, M., Goodier, M., Eggins, E., Higginson, A., & Mazerolle, L. (2020). Body-worn cameras' effects on police officers and citizen behavior: A systematic review. Campbell Systematic Reviews, 16(3).", "systematicReview", "International"),
                ],
                [
                    Outcome("Complaints against officers", "Denuncias contra agentes", "police conduct", "reduced", null, true, "promising"),
                    Outcome("Police use of force", "Uso de la fuerza policial", "police conduct", "noEffect", "inconsistent across studies", false, "insufficientEvidence"),
                ],
                aliases: ["BWC"], themes: ["policing", "technology", "accountability"]),
        ];
    }

    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HemisphereDb>();
        var catalogue = scope.ServiceProvider.GetRequiredService<InterventionsService>();
        var keys = new Dictionary<string, (string Acronym, string Country)> { ["ponal-co"] = ("PONAL", "CO"), ["ttps-tt"] = ("TTPS", "TT") };
        var institutions = new Dictionary<string, Guid>();
        foreach (var (key, (acronym, country)) in keys)
        {
            var id = await db.Institutions.AsNoTracking().Where(i => i.Acronym == acronym && i.CountryCode == country).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            if (id is { } found) institutions[key] = found;
        }
        var saved = 0;
        foreach (var entry in Entries(institutions))
        {
            if (await catalogue.SlugExistsAsync(entry.Slug!, ct)) continue;
            var outcome = await catalogue.CreateAsync(Actor.System(), entry, ct);
            if (!outcome.IsOk) throw new InvalidOperationException($"Demo intervention {entry.Slug}: " + string.Join("; ", outcome.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
            saved++;
        }
        return saved;
    }
}
