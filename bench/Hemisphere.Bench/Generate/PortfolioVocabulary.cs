namespace Hemisphere.Bench.Generate;

/// <summary>The same phrase in the four official languages.</summary>
public sealed record Phrase(string En, string Es, string Pt, string Fr)
{
    public string In(string language) => language switch
    {
        "es" => Es,
        "pt" => Pt,
        "fr" => Fr,
        _ => En,
    };
}

/// <summary>
/// A DPS programme as the generator knows it: its name, the topics its activities work on (noun
/// phrases; the French ones carry their article), who they are for, and the usual partners.
/// </summary>
public sealed record ProgrammeDefinition(string Slug, Phrase Name, Phrase[] Topics, int[] Beneficiaries, string[] Partners, double Weight);

/// <summary>How an activity's name starts. {0} is the topic, {1} the beneficiaries.</summary>
public sealed record ActionPattern(Phrase Pattern, ActionScope Scope);

public enum ActionScope { Any, OneCountry, SeveralCountries }

/// <summary>A group of neighbouring member states, as DPS activities are often regional.</summary>
public sealed record Region(string Key, string[] Codes, Phrase Title, string SentenceEn, string SentenceEs);

/// <summary>Words for generated DPS portfolio activities (OAS Department of Public Security).</summary>
public static class PortfolioVocabulary
{
    private static Phrase P(string en, string es, string pt, string fr) => new(en, es, pt, fr);

    /// <summary>Plural nouns; the French ones carry their article ("les policiers").</summary>
    public static readonly Phrase[] Beneficiaries =
    [
        P("police officers", "oficiales de policía", "policiais", "les policiers"),                                                        // 0
        P("prosecutors and judges", "fiscales y jueces", "promotores e juízes", "les procureurs et les juges"),                             // 1
        P("customs officers", "funcionarios de aduanas", "servidores aduaneiros", "les agents des douanes"),                                  // 2
        P("border and migration officials", "funcionarios de fronteras y migración", "agentes de fronteira e migração", "les agents des frontières et de la migration"), // 3
        P("prison staff", "personal penitenciario", "agentes penitenciários", "le personnel pénitentiaire"),                                 // 4
        P("forensic experts", "peritos forenses", "peritos forenses", "les experts en police scientifique"),                                 // 5
        P("public security officials", "funcionarios de seguridad pública", "gestores de segurança pública", "les responsables de la sécurité publique"), // 6
        P("local governments", "gobiernos locales", "governos locais", "les collectivités locales"),                                        // 7
        P("at-risk youth", "jóvenes en situación de riesgo", "jovens em situação de risco", "les jeunes à risque"),                          // 8
        P("civil society organizations", "organizaciones de la sociedad civil", "organizações da sociedade civil", "les organisations de la société civile"), // 9
        P("port and maritime authorities", "autoridades portuarias y marítimas", "autoridades portuárias e marítimas", "les autorités portuaires et maritimes"), // 10
        P("criminal analysts", "analistas criminales", "analistas criminais", "les analystes criminels"),                                    // 11
        P("armed forces and police armourers", "armeros de las fuerzas armadas y la policía", "armeiros das forças armadas e da polícia", "les armuriers des forces armées et de la police"), // 12
        P("victim assistance services", "servicios de atención a víctimas", "serviços de atendimento a vítimas", "les services d'aide aux victimes"), // 13
        P("emergency services", "servicios de emergencia", "serviços de emergência", "les services d'urgence"),                              // 14
        P("private security regulators", "entes reguladores de la seguridad privada", "órgãos reguladores da segurança privada", "les autorités de régulation de la sécurité privée"), // 15
    ];

    private static ProgrammeDefinition D(string slug, Phrase name, Phrase[] topics, int[] beneficiaries, string partners, double weight) =>
        new(slug, name, topics, beneficiaries, partners.Split(", "), weight);

    /// <summary>Twenty programmes in the spirit of the DPS portfolio; --programmes beyond twenty adds later phases of them.</summary>
    public static readonly ProgrammeDefinition[] Programmes =
    [
        D("police-network",
            P("Inter-American Network for Police Development and Professionalization", "Red Interamericana de Desarrollo y Profesionalización Policial", "Rede Interamericana de Desenvolvimento e Profissionalização Policial", "Réseau interaméricain de développement et de professionnalisation de la police"),
            [
                P("police management", "gestión policial", "gestão policial", "la gestion policière"),
                P("community policing", "policía comunitaria", "policiamento comunitário", "la police de proximité"),
                P("quality management in police institutions", "gestión de la calidad en instituciones policiales", "gestão da qualidade nas instituições policiais", "la gestion de la qualité dans les institutions policières"),
            ], [0, 6], "AMERIPOL, UNICRI, INTERPOL", 10),
        D("violence-prevention",
            P("Inter-American Network for the Prevention of Violence and Crime", "Red Interamericana de Prevención de la Violencia y el Delito", "Rede Interamericana de Prevenção da Violência e do Crime", "Réseau interaméricain de prévention de la violence et de la criminalité"),
            [
                P("violence and crime prevention", "prevención de la violencia y el delito", "prevenção da violência e do crime", "la prévention de la violence et de la criminalité"),
                P("homicide reduction", "reducción de homicidios", "redução de homicídios", "la réduction des homicides"),
                P("evaluation of prevention programmes", "evaluación de programas de prevención", "avaliação de programas de prevenção", "l'évaluation des programmes de prévention"),
            ], [7, 9, 6], "UNDP, UNODC, PAHO", 8),
        D("trafficking-in-persons",
            P("Program against Trafficking in Persons", "Programa contra la Trata de Personas", "Programa contra o Tráfico de Pessoas", "Programme de lutte contre la traite des personnes"),
            [
                P("identification of trafficking victims", "identificación de víctimas de trata", "identificação de vítimas de tráfico de pessoas", "l'identification des victimes de la traite"),
                P("investigation of trafficking in persons", "investigación del delito de trata de personas", "investigação do tráfico de pessoas", "les enquêtes sur la traite des personnes"),
                P("assistance to trafficking survivors", "atención a sobrevivientes de trata", "assistência a sobreviventes do tráfico", "l'assistance aux survivants de la traite"),
            ], [0, 1, 13, 3], "IOM, UNODC, UNHCR, UN Women", 8),
        D("migrant-smuggling",
            P("Program on Migrant Smuggling", "Programa sobre Tráfico Ilícito de Migrantes", "Programa sobre Contrabando de Migrantes", "Programme sur le trafic illicite de migrants"),
            [
                P("migrant smuggling investigation", "investigación del tráfico ilícito de migrantes", "investigação do contrabando de migrantes", "les enquêtes sur le trafic de migrants"),
                P("protection of migrants in transit", "protección de personas migrantes en tránsito", "proteção de migrantes em trânsito", "la protection des migrants en transit"),
            ], [3, 1, 9], "IOM, UNHCR, UNODC", 6),
        D("small-arms",
            P("Small Arms and Light Weapons Program", "Programa de Armas Pequeñas y Ligeras", "Programa de Armas Pequenas e Armamento Leve", "Programme sur les armes légères et de petit calibre"),
            [
                P("stockpile management", "gestión de arsenales", "gestão de arsenais", "la gestion des stocks"),
                P("firearms marking and tracing", "marcaje y rastreo de armas de fuego", "marcação e rastreamento de armas de fogo", "le marquage et le traçage des armes à feu"),
                P("destruction of surplus weapons and ammunition", "destrucción de armas y municiones excedentes", "destruição de armas e munições excedentes", "la destruction des armes et munitions excédentaires"),
            ], [12, 0, 2], "UNLIREC, SICA, CARICOM IMPACS", 7),
        D("mine-action",
            P("Comprehensive Action against Antipersonnel Mines (AICMA)", "Acción Integral contra las Minas Antipersonal (AICMA)", "Ação Integral contra as Minas Antipessoal (AICMA)", "Action intégrale contre les mines antipersonnel (AICMA)"),
            [
                P("humanitarian demining", "desminado humanitario", "desminagem humanitária", "le déminage humanitaire"),
                P("mine risk education", "educación sobre el riesgo de minas", "educação sobre o risco de minas", "l'éducation aux risques des mines"),
            ], [12, 7, 13], "ICRC, UNDP", 3),
        D("security-information",
            P("Public Security Information Systems", "Sistemas de Información sobre Seguridad Pública", "Sistemas de Informação sobre Segurança Pública", "Systèmes d'information sur la sécurité publique"),
            [
                P("crime and violence statistics", "estadísticas de criminalidad y violencia", "estatísticas de criminalidade e violência", "les statistiques sur la criminalité et la violence"),
                P("victimization surveys", "encuestas de victimización", "pesquisas de vitimização", "les enquêtes de victimisation"),
                P("citizen security observatories", "observatorios de seguridad ciudadana", "observatórios de segurança cidadã", "les observatoires de la sécurité citoyenne"),
            ], [6, 11, 7], "IDB, UNODC, UNDP", 6),
        D("prison-systems",
            P("Prison Systems and Alternatives to Incarceration", "Sistemas Penitenciarios y Alternativas al Encarcelamiento", "Sistemas Prisionais e Alternativas ao Encarceramento", "Systèmes pénitentiaires et alternatives à l'incarcération"),
            [
                P("prison management", "gestión penitenciaria", "gestão prisional", "la gestion pénitentiaire"),
                P("alternatives to incarceration", "alternativas al encarcelamiento", "alternativas ao encarceramento", "les alternatives à l'incarcération"),
                P("social reintegration of persons deprived of liberty", "reinserción social de personas privadas de libertad", "reinserção social de pessoas privadas de liberdade", "la réinsertion sociale des personnes privées de liberté"),
            ], [4, 1], "ICRC, UNODC, EL PAcCTO", 5),
        D("juvenile-justice",
            P("Juvenile Justice and Gang Prevention", "Justicia Juvenil y Prevención de Pandillas", "Justiça Juvenil e Prevenção de Gangues", "Justice des mineurs et prévention des gangs"),
            [
                P("gang prevention", "prevención de pandillas", "prevenção de gangues", "la prévention des gangs"),
                P("restorative juvenile justice", "justicia juvenil restaurativa", "justiça juvenil restaurativa", "la justice réparatrice pour mineurs"),
            ], [8, 1, 7], "UNICEF, SICA, UNDP", 5),
        D("cybercrime",
            P("Cybercrime and Digital Evidence", "Ciberdelito y Evidencia Digital", "Crimes Cibernéticos e Evidência Digital", "Cybercriminalité et preuve numérique"),
            [
                P("digital evidence handling", "manejo de evidencia digital", "tratamento de evidência digital", "le traitement de la preuve numérique"),
                P("cybercrime investigation", "investigación de ciberdelitos", "investigação de crimes cibernéticos", "les enquêtes sur la cybercriminalité"),
            ], [0, 5, 1], "INTERPOL, UNODC, AMERIPOL", 5),
        D("maritime-port-security",
            P("Maritime and Port Security", "Seguridad Marítima y Portuaria", "Segurança Marítima e Portuária", "Sûreté maritime et portuaire"),
            [
                P("port facility security", "protección de instalaciones portuarias", "proteção de instalações portuárias", "la sûreté des installations portuaires"),
                P("container control", "control de contenedores", "controle de contêineres", "le contrôle des conteneurs"),
            ], [10, 2], "UNODC, CARICOM IMPACS", 4),
        D("border-management",
            P("Integrated Border Management", "Gestión Integrada de Fronteras", "Gestão Integrada de Fronteiras", "Gestion intégrée des frontières"),
            [
                P("border risk analysis", "análisis de riesgo en frontera", "análise de risco na fronteira", "l'analyse des risques aux frontières"),
                P("document fraud detection", "detección de documentos fraudulentos", "detecção de fraude documental", "la détection de la fraude documentaire"),
            ], [3, 2], "IOM, INTERPOL, CARICOM IMPACS", 4),
        D("criminal-investigation",
            P("Criminal Investigation and Forensic Science", "Investigación Criminal y Ciencias Forenses", "Investigação Criminal e Ciências Forenses", "Enquête criminelle et police scientifique"),
            [
                P("crime scene management", "manejo de la escena del crimen", "gestão da cena do crime", "la gestion des scènes de crime"),
                P("chain of custody", "cadena de custodia", "cadeia de custódia", "la chaîne de traçabilité"),
                P("forensic laboratory accreditation", "acreditación de laboratorios forenses", "acreditação de laboratórios forenses", "l'accréditation des laboratoires de police scientifique"),
            ], [5, 0, 1], "UNODC, ICRC, AMERIPOL", 6),
        D("gender-security",
            P("Gender and Public Security", "Género y Seguridad Pública", "Gênero e Segurança Pública", "Genre et sécurité publique"),
            [
                P("gender-based violence response", "atención de la violencia basada en género", "resposta à violência baseada em gênero", "la réponse aux violences basées sur le genre"),
                P("women's participation in police institutions", "participación de las mujeres en las instituciones policiales", "participação das mulheres nas instituições policiais", "la participation des femmes dans les institutions policières"),
            ], [0, 13, 6], "UN Women, UNDP, CIM", 5),
        D("major-events",
            P("Security for Major Events", "Seguridad de Grandes Eventos", "Segurança de Grandes Eventos", "Sécurité des grands événements"),
            [
                P("major event security planning", "planificación de la seguridad de grandes eventos", "planejamento da segurança de grandes eventos", "la planification de la sécurité des grands événements"),
            ], [0, 6, 14], "UNICRI, INTERPOL", 2),
        D("asset-investigation",
            P("Asset Investigation and Money Laundering", "Investigación Patrimonial y Lavado de Activos", "Investigação Patrimonial e Lavagem de Dinheiro", "Enquêtes patrimoniales et blanchiment d'argent"),
            [
                P("financial investigation", "investigación financiera", "investigação financeira", "l'enquête financière"),
                P("seized asset management", "administración de bienes decomisados", "gestão de bens apreendidos", "la gestion des avoirs saisis"),
            ], [11, 1, 0], "UNODC, GAFILAT, EL PAcCTO", 4),
        D("mispa",
            P("MISPA Process and Public Security Policy", "Proceso MISPA y Políticas de Seguridad Pública", "Processo MISPA e Políticas de Segurança Pública", "Processus MISPA et politiques de sécurité publique"),
            [
                P("public security policy design", "diseño de políticas de seguridad pública", "formulação de políticas de segurança pública", "la conception des politiques de sécurité publique"),
                P("security sector management", "gestión del sector seguridad", "gestão do setor de segurança", "la gestion du secteur de la sécurité"),
            ], [6, 7], "UNDP, IDB, SICA", 4),
        D("private-security",
            P("Private Security Regulation", "Regulación de la Seguridad Privada", "Regulação da Segurança Privada", "Régulation de la sécurité privée"),
            [
                P("oversight of private security companies", "supervisión de empresas de seguridad privada", "fiscalização de empresas de segurança privada", "le contrôle des sociétés de sécurité privée"),
            ], [15, 6], "UNLIREC, ICRC", 2),
        D("emergency-response",
            P("Emergency Response and Crisis Management", "Respuesta a Emergencias y Gestión de Crisis", "Resposta a Emergências e Gestão de Crises", "Réponse aux urgences et gestion des crises"),
            [
                P("emergency call centres", "centros de atención de llamadas de emergencia", "centrais de atendimento de emergência", "les centres d'appels d'urgence"),
                P("crisis negotiation", "negociación en situaciones de crisis", "negociação em situações de crise", "la négociation en situation de crise"),
            ], [14, 0], "PAHO, ICRC", 3),
        D("organized-crime",
            P("Transnational Organized Crime Analysis", "Análisis del Crimen Organizado Transnacional", "Análise do Crime Organizado Transnacional", "Analyse de la criminalité organisée transnationale"),
            [
                P("criminal intelligence analysis", "análisis de inteligencia criminal", "análise de inteligência criminal", "l'analyse du renseignement criminel"),
                P("illicit markets mapping", "mapeo de mercados ilícitos", "mapeamento de mercados ilícitos", "la cartographie des marchés illicites"),
            ], [11, 0, 2], "UNODC, AMERIPOL, INTERPOL, CICAD", 5),
    ];

    private static ActionPattern A(ActionScope scope, string en, string es, string pt, string fr) => new(P(en, es, pt, fr), scope);

    public static readonly ActionPattern[] Actions =
    [
        A(ActionScope.Any, "Training course on {0} for {1}", "Curso de capacitación en {0} para {1}", "Curso de capacitação em {0} para {1}", "Formation sur {0} pour {1}"),
        A(ActionScope.Any, "Technical assistance on {0}", "Asistencia técnica en {0}", "Assistência técnica em {0}", "Assistance technique sur {0}"),
        A(ActionScope.SeveralCountries, "Regional workshop on {0} for {1}", "Taller regional sobre {0} para {1}", "Oficina regional sobre {0} para {1}", "Atelier régional sur {0} pour {1}"),
        A(ActionScope.Any, "Diagnostic assessment of {0}", "Diagnóstico sobre {0}", "Diagnóstico sobre {0}", "Diagnostic sur {0}"),
        A(ActionScope.Any, "Capacity building in {0} for {1}", "Fortalecimiento de capacidades en {0} para {1}", "Fortalecimento de capacidades em {0} para {1}", "Renforcement des capacités sur {0} pour {1}"),
        A(ActionScope.OneCountry, "Pilot project on {0}", "Proyecto piloto sobre {0}", "Projeto piloto sobre {0}", "Projet pilote sur {0}"),
        A(ActionScope.SeveralCountries, "Exchange of experiences on {0} among {1}", "Intercambio de experiencias sobre {0} entre {1}", "Intercâmbio de experiências sobre {0} entre {1}", "Échange d'expériences sur {0} entre {1}"),
        A(ActionScope.Any, "Virtual course on {0} for {1}", "Curso virtual sobre {0} para {1}", "Curso virtual sobre {0} para {1}", "Cours virtuel sur {0} pour {1}"),
        A(ActionScope.OneCountry, "National seminar on {0}", "Seminario nacional sobre {0}", "Seminário nacional sobre {0}", "Séminaire national sur {0}"),
        A(ActionScope.Any, "Protocol and manual on {0}", "Protocolo y manual sobre {0}", "Protocolo e manual sobre {0}", "Protocole et manuel sur {0}"),
        A(ActionScope.Any, "Train-the-trainers programme on {0}", "Programa de formación de formadores en {0}", "Programa de formação de formadores em {0}", "Formation de formateurs sur {0}"),
        A(ActionScope.Any, "Study visit on {0} for {1}", "Visita de estudio sobre {0} para {1}", "Visita de estudo sobre {0} para {1}", "Visite d'étude sur {0} pour {1}"),
    ];

    /// <summary>Roughly where the DPS works most: Central America, the Dominican Republic, Colombia, Haiti and the Caribbean.</summary>
    public static readonly IReadOnlyDictionary<string, double> CountryWeights = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["GT"] = 10,
        ["HN"] = 10,
        ["SV"] = 9,
        ["CO"] = 8,
        ["MX"] = 7,
        ["CR"] = 6,
        ["PA"] = 6,
        ["DO"] = 6,
        ["PE"] = 6,
        ["EC"] = 5,
        ["HT"] = 5,
        ["JM"] = 5,
        ["NI"] = 4,
        ["BZ"] = 4,
        ["TT"] = 4,
        ["AR"] = 4,
        ["BR"] = 4,
        ["CL"] = 4,
        ["PY"] = 4,
        ["BO"] = 3,
        ["UY"] = 3,
        ["GY"] = 3,
        ["SR"] = 3,
        ["BS"] = 3,
        ["BB"] = 3,
        ["US"] = 2,
        ["CA"] = 2,
        ["AG"] = 2,
        ["DM"] = 2,
        ["GD"] = 2,
        ["KN"] = 2,
        ["LC"] = 2,
        ["VC"] = 2,
        ["VE"] = 2,
        ["CU"] = 1,
    };

    private static Region R(string key, string codes, Phrase title, string en, string es) => new(key, codes.Split(' '), title, en, es);

    /// <summary>A country belongs to the first region that lists it.</summary>
    public static readonly Region[] Regions =
    [
        R("central-america", "BZ CR SV GT HN NI PA DO", P("Central America", "Centroamérica", "América Central", "Amérique centrale"),
            "the countries of Central America", "los países de Centroamérica"),
        R("caribbean", "AG BS BB DM GD HT JM KN LC VC TT GY SR CU", P("Caribbean", "Caribe", "Caribe", "Caraïbes"),
            "the countries of the Caribbean", "los países del Caribe"),
        R("andean", "BO CO EC PE VE", P("Andean Region", "Región Andina", "Região Andina", "Région andine"),
            "the Andean countries", "los países andinos"),
        R("southern-cone", "AR BR CL PY UY", P("Southern Cone", "Cono Sur", "Cone Sul", "Cône Sud"),
            "the countries of the Southern Cone", "los países del Cono Sur"),
        R("north-america", "CA US MX", P("North America", "América del Norte", "América do Norte", "Amérique du Nord"),
            "the countries of North America", "los países de América del Norte"),
    ];

    public static readonly (string Name, double Weight)[] Donors =
    [
        ("United States", 12), ("Canada", 10), ("Spain (AECID)", 6), ("European Union", 6), ("Italy", 4),
        ("CAF – Development Bank of Latin America", 3), ("Mexico", 3), ("Germany", 3), ("Netherlands", 2), ("United Kingdom", 2),
        ("Republic of Korea", 2), ("People's Republic of China", 2), ("Inter-American Development Bank", 2), ("Türkiye", 1),
        ("France", 1), ("Japan", 1), ("Sweden", 1), ("Norway", 1), ("Colombia", 1), ("Chile", 1), ("Argentina", 1),
        ("Brazil", 1), ("Panama", 1), ("Switzerland", 1),
    ];

    public static readonly string[] Partners =
    [
        "UNICRI", "IOM", "UNHCR", "AMERIPOL", "UNODC", "INTERPOL", "UNLIREC", "SICA", "CARICOM IMPACS", "ILANUD",
        "CICAD", "PAHO", "UNDP", "UN Women", "ICRC", "UNICEF", "EL PAcCTO", "GAFILAT", "IDB", "World Bank",
    ];
}
