namespace Hemisphere.Bench.Generate;

/// <summary>
/// Name patterns by role and language. {C} is the country's name in that language, {City} a city,
/// {Port} a port, {Field} a field of work in English. Patterns read naturally for the countries that use
/// them (the French ones are for Haiti, the Portuguese ones for Brazil).
/// </summary>
public static class InstitutionNames
{
    public const string NationalPolice = "police";
    public const string PoliceUnit = "police-unit";
    public const string NationalCustoms = "customs";
    public const string CustomsUnit = "customs-unit";
    public const string Ministry = "ministry";
    public const string MinistryUnit = "ministry-unit";
    public const string Port = "port";
    public const string University = "university";
    public const string UniversityCentre = "university-centre";
    public const string Ngo = "ngo";
    public const string Donor = "donor";
    public const string Office = "office";

    private static string[] L(string items) => items.Split("; ");

    private static readonly Dictionary<(string Role, string Language), string[]> Patterns = new()
    {
        [(NationalPolice, "es")] = ["Policía Nacional de {C}"],
        [(NationalPolice, "en")] = ["{C} Police Service"],
        [(NationalPolice, "pt")] = ["Polícia Federal do {C}"],
        [(NationalPolice, "fr")] = ["Police nationale d'{C}"],
        [(PoliceUnit, "es")] = L("Policía Metropolitana de {City}; Dirección de Investigación Criminal de {City}; Unidad de Ciberdelitos de {City}; Unidad Antinarcóticos de {City}; Comisaría Regional de {City}; Unidad contra la Trata de Personas de {City}; Laboratorio de Criminalística de {City}"),
        [(PoliceUnit, "en")] = L("{City} Metropolitan Police; {City} Criminal Investigation Department; {City} Cybercrime Unit; {City} Narcotics Division; {City} Regional Command; {City} Anti-Trafficking Unit; {City} Forensic Laboratory"),
        [(PoliceUnit, "pt")] = L("Superintendência Regional em {City}; Delegacia de Repressão a Crimes Cibernéticos de {City}; Delegacia de Repressão a Entorpecentes de {City}; Delegacia de Polícia Federal em {City}; Instituto de Criminalística de {City}"),
        [(PoliceUnit, "fr")] = L("Direction départementale de {City}; Commissariat de {City}; Brigade de lutte contre le trafic de stupéfiants de {City}; Bureau des affaires financières de {City}; Laboratoire de police scientifique de {City}"),
        [(NationalCustoms, "es")] = ["Dirección Nacional de Aduanas de {C}"],
        [(NationalCustoms, "en")] = ["{C} Customs and Excise Department"],
        [(NationalCustoms, "pt")] = ["Receita Federal do {C}"],
        [(NationalCustoms, "fr")] = ["Administration générale des douanes d'{C}"],
        [(CustomsUnit, "es")] = L("Aduana de {City}; Aduana Marítima de {Port}; Aduana del Aeropuerto Internacional de {City}; Laboratorio Aduanero de {City}; Unidad de Gestión de Riesgo Aduanero de {City}"),
        [(CustomsUnit, "en")] = L("{City} Customs Office; {Port} Seaport Customs; {City} International Airport Customs; {City} Customs Laboratory; {City} Risk Targeting Centre"),
        [(CustomsUnit, "pt")] = L("Alfândega de {City}; Alfândega do Porto de {Port}; Alfândega do Aeroporto Internacional de {City}; Laboratório Aduaneiro de {City}"),
        [(CustomsUnit, "fr")] = L("Bureau des douanes de {City}; Douane du port de {Port}; Douane de l'aéroport international de {City}"),
        [(Ministry, "es")] = L("Ministerio de Seguridad de {C}; Ministerio de Justicia de {C}; Ministerio de Relaciones Exteriores de {C}; Ministerio del Interior de {C}; Ministerio de Hacienda de {C}"),
        [(Ministry, "en")] = L("Ministry of National Security of {C}; Ministry of Justice of {C}; Ministry of Foreign Affairs of {C}; Ministry of Home Affairs of {C}; Ministry of Finance of {C}"),
        [(Ministry, "pt")] = L("Ministério da Justiça e Segurança Pública do {C}; Ministério das Relações Exteriores do {C}; Ministério da Fazenda do {C}; Ministério da Defesa do {C}"),
        [(Ministry, "fr")] = L("Ministère de la Justice et de la Sécurité publique d'{C}; Ministère des Affaires étrangères d'{C}; Ministère de l'Intérieur d'{C}; Ministère de l'Économie et des Finances d'{C}"),
        [(MinistryUnit, "es")] = L("Dirección General de Migración de {C}; Unidad de Inteligencia Financiera de {C}; Oficina de Cooperación Internacional de {C}; Instituto Nacional Penitenciario de {C}; Dirección de Prevención del Delito de {C}; Observatorio Nacional de Seguridad de {C}; Delegación de Gobierno en {City}"),
        [(MinistryUnit, "en")] = L("{C} Immigration Department; {C} Financial Intelligence Unit; {C} Office of International Cooperation; {C} Correctional Services; {C} Crime Prevention Office; {C} National Security Observatory; {City} Regional Administration"),
        [(MinistryUnit, "pt")] = L("Secretaria Nacional de Segurança Pública; Conselho de Controle de Atividades Financeiras; Departamento de Recuperação de Ativos e Cooperação Jurídica Internacional; Secretaria Nacional de Políticas Penais; Secretaria de Segurança Pública de {City}"),
        [(MinistryUnit, "fr")] = L("Unité centrale de renseignements financiers; Direction de l'immigration et de l'émigration; Direction de l'administration pénitentiaire; Office de la protection du citoyen; Unité de lutte contre la corruption"),
        [(Port, "es")] = L("Autoridad Portuaria de {Port}; Administración Portuaria de {Port}; Empresa Portuaria de {Port}"),
        [(Port, "en")] = L("{Port} Port Authority; Port of {Port}; {Port} Harbour Board"),
        [(Port, "pt")] = L("Companhia Docas de {Port}; Autoridade Portuária de {Port}"),
        [(Port, "fr")] = L("Autorité portuaire nationale, {Port}; Port autonome de {Port}"),
        [(University, "es")] = L("Universidad Nacional de {C}; Universidad de {City}; Universidad Autónoma de {City}; Universidad Católica de {City}; Universidad Tecnológica de {City}; Instituto Universitario de Seguridad Pública de {City}; Academia de Policía de {City}"),
        [(University, "en")] = L("University of {C}; University of {City}; {City} State University; {City} Community College; {City} Institute of Technology; {City} Police Academy"),
        [(University, "pt")] = L("Universidade Federal de {City}; Universidade Estadual de {City}; Universidade de {City}; Pontifícia Universidade Católica de {City}; Instituto Federal de {City}"),
        [(University, "fr")] = L("Université d'État d'{C}; Université de {City}; École nationale de police de {City}; Institut supérieur de criminologie de {City}"),
        [(UniversityCentre, "es")] = L("Centro de Estudios en Seguridad Ciudadana; Facultad de Derecho y Ciencias Políticas; Instituto de Investigaciones Criminológicas; Laboratorio de Ciencias Forenses; Cátedra de Derechos Humanos"),
        [(UniversityCentre, "en")] = L("Centre for Criminology and Criminal Justice; Faculty of Law; Institute for Security Studies; Forensic Science Laboratory; Human Rights Clinic"),
        [(UniversityCentre, "pt")] = L("Núcleo de Estudos da Violência; Faculdade de Direito; Centro de Estudos de Segurança Pública; Laboratório de Análise da Violência"),
        [(UniversityCentre, "fr")] = L("Faculté de droit et des sciences économiques; Centre de recherche en criminologie; Laboratoire de criminalistique"),
        [(Ngo, "es")] = L("Fundación Paz Ciudadana de {City}; Observatorio de Seguridad Ciudadana de {City}; Red de Mujeres por la Justicia de {City}; Centro de Estudios para la Prevención del Delito de {City}; Asociación de Víctimas de la Violencia de {City}; Fundación Transparencia {C}"),
        [(Ngo, "en")] = L("{City} Centre for Justice and Security; {City} Citizens' Safety Network; Institute for Crime Prevention, {City}; {City} Women's Justice Network; Transparency {C}; {City} Victim Support Association"),
        [(Ngo, "pt")] = L("Instituto Cidade Segura de {City}; Fórum de Segurança Pública de {City}; Observatório da Violência de {City}; Rede de Mulheres pela Justiça de {City}; Associação de Apoio às Vítimas de {City}"),
        [(Ngo, "fr")] = L("Fondation pour la sécurité citoyenne de {City}; Observatoire de la violence de {City}; Réseau des femmes pour la justice de {City}; Association d'aide aux victimes de {City}"),
        [(Donor, "es")] = L("Agencia de Cooperación Internacional de {C}; Fondo de Cooperación en Seguridad de {C}"),
        [(Donor, "en")] = L("{C} International Development Agency; {C} Fund for Security Cooperation"),
        [(Donor, "pt")] = L("Agência de Cooperação do {C}"),
        [(Donor, "fr")] = L("Agence de coopération d'{C}"),
        // International bodies (no country), in English.
        [(Kinds.InternationalOrganisation, "en")] = L("Inter-American Committee against {Field}; Regional Centre on {Field} for the Americas; Caribbean Network on {Field}; Hemispheric Observatory on {Field}; Andean Network on {Field}; Central American Commission on {Field}; Inter-American Institute for {Field} Studies"),
        [(Kinds.DonorAgency, "en")] = L("Hemispheric Fund for {Field} Programmes; Caribbean Development Trust for {Field}; Inter-American Foundation for {Field} Programmes"),
        [(Kinds.Ngo, "en")] = L("Americas Network against {Field}; Latin American Coalition on {Field}; Caribbean Alliance on {Field}"),
        [(Office, "en")] = L("Caribbean Office; Andean Office; Central America Office; Southern Cone Office; North America Office"),
    };

    /// <summary>How the second, third… body of the same name is numbered ("Comisaría Regional de Cali N.º 2").</summary>
    private static readonly Dictionary<string, string> Numbered = new(StringComparer.Ordinal)
    {
        ["es"] = "N.º",
        ["en"] = "No.",
        ["pt"] = "n.º",
        ["fr"] = "n°",
    };

    public static string Pick(Random rng, string role, string language, Country? country) =>
        Fill(rng, Patterns[(role, Geography.VocabularyLanguage(language))], country);

    public static string Number(string name, string language, int n) =>
        $"{name} {Numbered[Geography.VocabularyLanguage(language)]} {n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string Fill(Random rng, string[] patterns, Country? country)
    {
        var pattern = patterns[rng.Next(patterns.Length)];
        var language = country is null ? "en" : Geography.VocabularyLanguage(country.Language);
        var text = pattern;
        if (country is not null)
        {
            var profile = country.Profile;
            text = text.Replace("{C}", country.Name(language), StringComparison.Ordinal)
                .Replace("{City}", profile.Cities[rng.Next(profile.Cities.Length)], StringComparison.Ordinal)
                .Replace("{Port}", profile.Ports[rng.Next(profile.Ports.Length)], StringComparison.Ordinal);
        }
        return text.Replace("{Field}", Work.FieldTitle(rng), StringComparison.Ordinal).Replace("{City}", "Washington", StringComparison.Ordinal);
    }
}
