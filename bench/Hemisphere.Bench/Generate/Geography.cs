namespace Hemisphere.Bench.Generate;

/// <summary>What the generator knows of each member state: its main language, a rough size, some cities and ports.</summary>
public sealed record CountryProfile(string Code, string Language, int Weight, string[] Cities, string[] Ports);

/// <summary>A member state as read from "MemberStates", with what the generator adds to it.</summary>
public sealed record Country(string Code, string NameEn, string NameEs, string NamePt, string NameFr, CountryProfile Profile)
{
    public string Language => Profile.Language;

    /// <summary>The country's name in a language of the generator (en, es, pt, fr).</summary>
    public string Name(string language) => language switch
    {
        "es" => NameEs,
        "pt" => NamePt,
        "fr" => NameFr,
        _ => NameEn,
    };
}

public static class Geography
{
    private static CountryProfile P(string code, string language, int weight, string cities, string ports) =>
        new(code, language, weight, cities.Split(", "), ports.Split(", "));

    /// <summary>Weight: a rough relative size of the public sector, so Brazil has more institutions than Dominica.</summary>
    public static readonly IReadOnlyDictionary<string, CountryProfile> Profiles = new[]
    {
        P("AG", "en", 1, "St. John's, All Saints, Liberta", "St. John's"),
        P("AR", "es", 8, "Buenos Aires, Córdoba, Rosario, Mendoza, La Plata, San Miguel de Tucumán", "Buenos Aires, Rosario, Bahía Blanca"),
        P("BS", "en", 1, "Nassau, Freeport, Marsh Harbour", "Nassau, Freeport"),
        P("BB", "en", 1, "Bridgetown, Speightstown, Oistins", "Bridgetown"),
        P("BZ", "en", 1, "Belmopan, Belize City, San Ignacio, Orange Walk", "Belize City, Big Creek"),
        P("BO", "es", 3, "La Paz, Santa Cruz de la Sierra, Cochabamba, Sucre, Oruro", "Puerto Quijarro"),
        P("BR", "pt", 12, "Brasília, São Paulo, Rio de Janeiro, Belo Horizonte, Salvador, Recife, Porto Alegre, Manaus, Fortaleza, Curitiba", "Santos, Paranaguá, Rio Grande, Itajaí, Suape"),
        P("CA", "en", 6, "Ottawa, Toronto, Montréal, Vancouver, Calgary, Halifax, Québec", "Vancouver, Montréal, Halifax, Prince Rupert"),
        P("CL", "es", 4, "Santiago, Valparaíso, Concepción, Antofagasta, Temuco", "Valparaíso, San Antonio, Iquique"),
        P("CO", "es", 6, "Bogotá, Medellín, Cali, Barranquilla, Cartagena, Bucaramanga", "Cartagena, Buenaventura, Barranquilla, Santa Marta"),
        P("CR", "es", 2, "San José, Alajuela, Cartago, Limón, Puntarenas", "Limón, Caldera"),
        P("CU", "es", 2, "La Habana, Santiago de Cuba, Camagüey, Holguín, Cienfuegos", "Mariel, Santiago de Cuba"),
        P("DM", "en", 1, "Roseau, Portsmouth, Marigot", "Roseau"),
        P("DO", "es", 3, "Santo Domingo, Santiago de los Caballeros, La Romana, Puerto Plata, San Pedro de Macorís", "Caucedo, Haina, Puerto Plata"),
        P("EC", "es", 3, "Quito, Guayaquil, Cuenca, Manta, Machala", "Guayaquil, Manta, Puerto Bolívar"),
        P("SV", "es", 2, "San Salvador, Santa Ana, San Miguel, La Libertad", "Acajutla, La Unión"),
        P("GD", "en", 1, "St. George's, Grenville, Gouyave", "St. George's"),
        P("GT", "es", 3, "Ciudad de Guatemala, Quetzaltenango, Puerto Barrios, Escuintla, Cobán", "Puerto Quetzal, Santo Tomás de Castilla"),
        P("GY", "en", 1, "Georgetown, Linden, New Amsterdam", "Georgetown"),
        P("HT", "fr", 2, "Port-au-Prince, Cap-Haïtien, Les Cayes, Gonaïves, Jacmel", "Port-au-Prince, Cap-Haïtien"),
        P("HN", "es", 2, "Tegucigalpa, San Pedro Sula, La Ceiba, Choluteca", "Puerto Cortés, San Lorenzo"),
        P("JM", "en", 2, "Kingston, Montego Bay, Spanish Town, Ocho Rios", "Kingston, Montego Bay"),
        P("MX", "es", 10, "Ciudad de México, Guadalajara, Monterrey, Puebla, Tijuana, Mérida, Querétaro, León", "Manzanillo, Veracruz, Lázaro Cárdenas, Altamira, Ensenada"),
        P("NI", "es", 2, "Managua, León, Granada, Matagalpa", "Corinto"),
        P("PA", "es", 2, "Ciudad de Panamá, Colón, David, Santiago de Veraguas", "Balboa, Colón, Manzanillo"),
        P("PY", "es", 2, "Asunción, Ciudad del Este, Encarnación, Concepción", "Villeta, Asunción"),
        P("PE", "es", 4, "Lima, Arequipa, Trujillo, Cusco, Piura, Iquitos", "Callao, Paita, Matarani"),
        P("KN", "en", 1, "Basseterre, Charlestown", "Basseterre"),
        P("LC", "en", 1, "Castries, Vieux Fort, Soufrière", "Castries, Vieux Fort"),
        P("VC", "en", 1, "Kingstown, Georgetown, Barrouallie", "Kingstown"),
        P("SR", "nl", 1, "Paramaribo, Lelydorp, Nieuw Nickerie", "Paramaribo"),
        P("TT", "en", 2, "Port of Spain, San Fernando, Chaguanas, Arima", "Port of Spain, Point Lisas"),
        P("US", "en", 12, "Washington, New York, Miami, Houston, Los Angeles, Chicago, San Diego, Atlanta, El Paso", "Los Angeles, Long Beach, Houston, Miami, Savannah, New York"),
        P("UY", "es", 2, "Montevideo, Salto, Paysandú, Maldonado", "Montevideo, Nueva Palmira"),
        P("VE", "es", 4, "Caracas, Maracaibo, Valencia, Barquisimeto", "Puerto Cabello, La Guaira"),
    }.ToDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>Suriname's own language is Dutch; its names and titles are written in English here.</summary>
    public static string VocabularyLanguage(string language) => language == "nl" ? "en" : language;
}
