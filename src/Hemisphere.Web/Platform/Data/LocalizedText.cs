using System.Globalization;

namespace Hemisphere.Platform.Data;

/// <summary>A short text with a version per official language. Falls back to English, then to any version.</summary>
public sealed class LocalizedText
{
    public string En { get; set; } = "";
    public string? Es { get; set; }
    public string? Pt { get; set; }
    public string? Fr { get; set; }

    public string For(CultureInfo culture) => For(culture.TwoLetterISOLanguageName);

    public string For(string language)
    {
        var value = language switch
        {
            "es" => Es,
            "pt" => Pt,
            "fr" => Fr,
            _ => En,
        };
        return !string.IsNullOrWhiteSpace(value) ? value
            : !string.IsNullOrWhiteSpace(En) ? En
            : Es ?? Pt ?? Fr ?? "";
    }

    public string Current => For(CultureInfo.CurrentUICulture);
}
