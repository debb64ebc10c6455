using Hemisphere.Platform.Search;

namespace Hemisphere.Tests.Platform.Search;

public sealed class TextAnalysisTests
{
    [Theory]
    [InlineData("es", "capacitaciones", "capacitación")]
    [InlineData("es", "capacitacion", "Capacitaciones")]
    [InlineData("es", "policia", "Policía")]
    [InlineData("es", "policías", "policía")]
    [InlineData("es", "jóvenes", "joven")]
    [InlineData("en", "policing", "police")]
    [InlineData("en", "trafficked", "trafficking")]
    [InlineData("en", "trained", "training")]
    [InlineData("pt", "capacitações", "capacitação")]
    [InlineData("pt", "policia", "polícia")]
    [InlineData("pt", "prevencao", "prevenção")]
    [InlineData("fr", "formations", "formation")]
    [InlineData("fr", "prevention", "prévention")]
    [InlineData("fr", "policières", "policière")]
    [InlineData("und", "Policía", "POLICIA")]
    public void Inflections_and_accents_meet_in_one_term(string language, string a, string b)
    {
        var left = TextAnalysis.Terms(a, language);
        var right = TextAnalysis.Terms(b, language);
        Assert.NotEqual("", left);
        Assert.Equal(left, right);
    }

    [Theory]
    [InlineData("es", "de la que el en y")]
    [InlineData("en", "the and of to is")]
    [InlineData("fr", "le la les de des l' d'")]
    [InlineData("pt", "de a o que e do da")]
    public void Stop_words_are_left_out(string language, string text) =>
        Assert.Equal("", TextAnalysis.Terms(text, language));

    [Fact]
    public void French_elision_drops_the_article_and_keeps_the_word()
    {
        Assert.Equal(TextAnalysis.Terms("école", "fr"), TextAnalysis.Terms("l'école", "fr"));
    }

    [Fact]
    public void Tokens_keep_their_place_in_the_original_text()
    {
        var text = "La Policía Nacional, capacitaciones 2024.";
        var tokens = TextAnalysis.Analyse(text, "es");
        Assert.Equal(["Policía", "Nacional", "capacitaciones", "2024"], tokens.Select(t => text.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Syntax_characters_of_query_languages_are_only_separators()
    {
        Assert.Equal("polic traffick", TextAnalysis.Terms("\"police*\" OR: 'trafficking' NEAR(", "en").Replace(" or", "", StringComparison.Ordinal).Replace(" near", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es-ES", "es")]
    [InlineData("PT", "pt")]
    [InlineData("de", "und")]
    [InlineData(null, "und")]
    public void Language_codes_are_normalised(string? given, string expected) =>
        Assert.Equal(expected, TextAnalysis.NormaliseLanguage(given));
}
