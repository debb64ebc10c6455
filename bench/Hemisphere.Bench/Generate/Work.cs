namespace Hemisphere.Bench.Generate;

/// <summary>Job titles by kind of institution and language, and fields of expertise in each language.</summary>
public static class Work
{
    private static string[] L(string items) => items.Split("; ");

    /// <summary>"masculine|feminine" where the language marks it.</summary>
    private static readonly Dictionary<(string Kind, string Language), string[]> Titles = new()
    {
        [(Kinds.Police, "es")] = L("Comisario|Comisaria; Subcomisario|Subcomisaria; Inspector|Inspectora; Oficial de enlace internacional; Jefe de la Unidad de Ciberdelitos|Jefa de la Unidad de Ciberdelitos; Analista de inteligencia criminal; Director de Investigación Criminal|Directora de Investigación Criminal; Capitán|Capitana; Sargento; Perito en balística"),
        [(Kinds.Police, "en")] = L("Superintendent; Inspector; Detective Sergeant; Assistant Commissioner; International Liaison Officer; Head of the Cybercrime Unit; Criminal Intelligence Analyst; Deputy Chief of Police; Forensic Examiner"),
        [(Kinds.Police, "pt")] = L("Delegado|Delegada; Agente de Polícia Federal; Perito Criminal|Perita Criminal; Escrivão|Escrivã; Coordenador de Cooperação Internacional|Coordenadora de Cooperação Internacional; Analista de inteligência"),
        [(Kinds.Police, "fr")] = L("Commissaire; Inspecteur|Inspectrice; Officier de liaison|Officière de liaison; Chef de la brigade financière|Cheffe de la brigade financière; Analyste du renseignement criminel; Agent de police judiciaire|Agente de police judiciaire"),
        [(Kinds.Customs, "es")] = L("Administrador de Aduana|Administradora de Aduana; Oficial de cumplimiento; Especialista en gestión de riesgo; Vista de aduana; Jefe de Fiscalización|Jefa de Fiscalización; Analista de comercio exterior"),
        [(Kinds.Customs, "en")] = L("Customs Officer; Risk Management Specialist; Head of Enforcement; Senior Customs Inspector; Director of Border Operations; Trade Compliance Analyst"),
        [(Kinds.Customs, "pt")] = L("Auditor-Fiscal|Auditora-Fiscal; Analista-Tributário|Analista-Tributária; Inspetor da Alfândega|Inspetora da Alfândega; Chefe de Vigilância e Repressão"),
        [(Kinds.Customs, "fr")] = L("Inspecteur des douanes|Inspectrice des douanes; Contrôleur des douanes|Contrôleuse des douanes; Directeur régional|Directrice régionale; Analyste de risques"),
        [(Kinds.Ministry, "es")] = L("Viceministro|Viceministra; Director General|Directora General; Asesor jurídico|Asesora jurídica; Coordinador de cooperación internacional|Coordinadora de cooperación internacional; Jefe de gabinete|Jefa de gabinete; Analista de políticas públicas"),
        [(Kinds.Ministry, "en")] = L("Permanent Secretary; Director of Policy; Legal Adviser; Senior Policy Analyst; International Cooperation Officer; Deputy Minister"),
        [(Kinds.Ministry, "pt")] = L("Secretário-Executivo|Secretária-Executiva; Assessor Especial|Assessora Especial; Coordenador-Geral|Coordenadora-Geral; Analista de políticas públicas"),
        [(Kinds.Ministry, "fr")] = L("Directeur de cabinet|Directrice de cabinet; Conseiller juridique|Conseillère juridique; Chargé de coopération|Chargée de coopération; Directeur général|Directrice générale"),
        [(Kinds.PortAuthority, "es")] = L("Capitán de puerto|Capitana de puerto; Gerente de seguridad portuaria; Oficial de protección de la instalación portuaria; Jefe de operaciones|Jefa de operaciones"),
        [(Kinds.PortAuthority, "en")] = L("Harbour Master; Port Facility Security Officer; Operations Manager; Chief Executive Officer"),
        [(Kinds.PortAuthority, "pt")] = L("Diretor-Presidente|Diretora-Presidente; Supervisor de segurança portuária|Supervisora de segurança portuária; Gerente de operações"),
        [(Kinds.PortAuthority, "fr")] = L("Capitaine de port; Responsable de la sûreté portuaire; Directeur des opérations|Directrice des opérations"),
        [(Kinds.University, "es")] = L("Profesor titular|Profesora titular; Investigador|Investigadora; Decano de la Facultad de Derecho|Decana de la Facultad de Derecho; Profesor asociado|Profesora asociada; Coordinador de posgrado|Coordinadora de posgrado"),
        [(Kinds.University, "en")] = L("Professor of Criminology; Associate Professor; Senior Lecturer; Research Fellow; Dean of Law"),
        [(Kinds.University, "pt")] = L("Professor titular|Professora titular; Pesquisador|Pesquisadora; Professor adjunto|Professora adjunta; Coordenador de pós-graduação|Coordenadora de pós-graduação"),
        [(Kinds.University, "fr")] = L("Professeur|Professeure; Maître de conférences; Chercheur|Chercheuse; Doyen de la Faculté de droit|Doyenne de la Faculté de droit"),
        [(Kinds.Ngo, "es")] = L("Director ejecutivo|Directora ejecutiva; Coordinador de programas|Coordinadora de programas; Oficial de proyectos; Investigador|Investigadora"),
        [(Kinds.Ngo, "en")] = L("Executive Director; Programme Manager; Project Officer; Policy Researcher"),
        [(Kinds.Ngo, "pt")] = L("Diretor executivo|Diretora executiva; Coordenador de projetos|Coordenadora de projetos; Pesquisador|Pesquisadora"),
        [(Kinds.Ngo, "fr")] = L("Directeur exécutif|Directrice exécutive; Chargé de programme|Chargée de programme; Chercheur|Chercheuse"),
        [(Kinds.DonorAgency, "es")] = L("Especialista sectorial; Oficial de programa; Consultor|Consultora; Representante en el país"),
        [(Kinds.DonorAgency, "en")] = L("Programme Officer; Senior Specialist in Citizen Security; Country Representative; Grants Manager"),
        [(Kinds.DonorAgency, "pt")] = L("Oficial de programa; Especialista setorial; Consultor|Consultora"),
        [(Kinds.DonorAgency, "fr")] = L("Chargé de programme|Chargée de programme; Représentant|Représentante; Consultant|Consultante"),
        [(Kinds.InternationalOrganisation, "en")] = L("Head of Mission; Senior Specialist; Programme Officer; Legal Officer; Coordinator for the Caribbean; Director"),
        [(Kinds.InternationalOrganisation, "es")] = L("Jefe de misión|Jefa de misión; Especialista principal; Oficial de programa; Oficial jurídico|Oficial jurídica; Director|Directora"),
    };

    /// <summary>The same fields in en, es, pt, fr (by index).</summary>
    private static readonly string[][] Fields =
    [
        L("organized crime; crimen organizado; crime organizado; criminalité organisée"),
        L("money laundering; lavado de activos; lavagem de dinheiro; blanchiment d'argent"),
        L("cybercrime; ciberdelito; crimes cibernéticos; cybercriminalité"),
        L("human trafficking; trata de personas; tráfico de pessoas; traite des personnes"),
        L("migrant smuggling; tráfico ilícito de migrantes; contrabando de migrantes; trafic illicite de migrants"),
        L("drug trafficking; narcotráfico; tráfico de drogas; trafic de stupéfiants"),
        L("firearms trafficking; tráfico de armas de fuego; tráfico de armas de fogo; trafic d'armes à feu"),
        L("border management; gestión de fronteras; gestão de fronteiras; gestion des frontières"),
        L("customs risk management; gestión de riesgos aduaneros; gestão de risco aduaneiro; gestion des risques douaniers"),
        L("port security; seguridad portuaria; segurança portuária; sûreté portuaire"),
        L("criminal intelligence; inteligencia criminal; inteligência criminal; renseignement criminel"),
        L("forensic science; ciencias forenses; ciências forenses; criminalistique"),
        L("anti-corruption; anticorrupción; combate à corrupção; lutte contre la corruption"),
        L("asset recovery; recuperación de activos; recuperação de ativos; recouvrement d'avoirs"),
        L("community policing; policía comunitaria; policiamento comunitário; police de proximité"),
        L("violence prevention; prevención de la violencia; prevenção da violência; prévention de la violence"),
        L("gender-based violence; violencia de género; violência de gênero; violences basées sur le genre"),
        L("human rights; derechos humanos; direitos humanos; droits humains"),
        L("prison management; gestión penitenciaria; gestão prisional; administration pénitentiaire"),
        L("judicial cooperation; cooperación judicial; cooperação jurídica; coopération judiciaire"),
        L("extradition; extradición; extradição; extradition"),
        L("maritime security; seguridad marítima; segurança marítima; sûreté maritime"),
        L("terrorism financing; financiamiento del terrorismo; financiamento do terrorismo; financement du terrorisme"),
        L("public policy evaluation; evaluación de políticas públicas; avaliação de políticas públicas; évaluation des politiques publiques"),
        L("crime statistics; estadísticas delictivas; estatísticas criminais; statistiques de la criminalité"),
        L("quality management; gestión de la calidad; gestão da qualidade; management de la qualité"),
        L("digital evidence; evidencia digital; prova digital; preuve numérique"),
        L("environmental crime; delitos ambientales; crimes ambientais; criminalité environnementale"),
        L("cultural property trafficking; tráfico de bienes culturales; tráfico de bens culturais; trafic de biens culturels"),
        L("cybersecurity; ciberseguridad; cibersegurança; cybersécurité"),
    ];

    /// <summary>The fields people of each kind of institution work on most (indexes into Fields).</summary>
    private static readonly Dictionary<string, int[]> Usual = new(StringComparer.Ordinal)
    {
        [Kinds.Police] = [0, 2, 3, 5, 6, 10, 11, 14, 26],
        [Kinds.Customs] = [1, 5, 6, 7, 8, 9, 28],
        [Kinds.Ministry] = [12, 13, 17, 18, 19, 20, 23],
        [Kinds.PortAuthority] = [7, 9, 21, 29],
        [Kinds.University] = [11, 15, 16, 17, 23, 24],
        [Kinds.Ngo] = [3, 4, 15, 16, 17, 23],
        [Kinds.DonorAgency] = [12, 15, 23, 24, 25],
        [Kinds.InternationalOrganisation] = [0, 1, 3, 19, 22, 24],
    };

    private static int LanguageIndex(string language) => language switch { "es" => 1, "pt" => 2, "fr" => 3, _ => 0 };

    public static string Title(Random rng, string kind, string language, bool female)
    {
        var lang = Geography.VocabularyLanguage(language);
        if (!Titles.TryGetValue((kind, lang), out var titles)) titles = Titles[(kind, "en")];
        var forms = titles[rng.Next(titles.Length)].Split('|');
        return female && forms.Length > 1 ? forms[1] : forms[0];
    }

    /// <summary>One to five distinct fields, mostly the usual ones of the kind of institution.</summary>
    public static List<string> Expertise(Random rng, string? kind, string language)
    {
        var column = LanguageIndex(Geography.VocabularyLanguage(language));
        var count = 1 + (int)Math.Floor(Math.Pow(rng.NextDouble(), 1.6) * 5);
        var usual = kind is null ? [] : Usual[kind];
        var picked = new List<int>(count);
        for (var attempt = 0; picked.Count < count && attempt < 20; attempt++)
        {
            var index = usual.Length > 0 && rng.NextDouble() < 0.75 ? usual[rng.Next(usual.Length)] : rng.Next(Fields.Length);
            if (!picked.Contains(index)) picked.Add(index);
        }
        return picked.Select(i => Fields[i][column]).ToList();
    }

    /// <summary>A field in English, title-cased, to name international bodies ("Money Laundering").</summary>
    public static string FieldTitle(Random rng)
    {
        var words = Fields[rng.Next(Fields.Length)][0].Split(' ');
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
