using System.Globalization;

namespace Hemisphere.Platform.Localization;

/// <summary>Switches the current culture for a block (to write a mail in its recipient's language), then restores it.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string language)
    {
        var c = CultureInfo.GetCultureInfo(Languages.Normalize(language));
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
    }

    public static CultureScope Use(string language) => new(language);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
