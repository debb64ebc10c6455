using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Localization;

[assembly: NeutralResourcesLanguage("en")]
[assembly: Microsoft.Extensions.Localization.RootNamespace("Hemisphere")]

namespace Hemisphere
{
    /// <summary>Anchor of Resources/SharedResource.{es,pt,fr}.resx; the neutral file is English.</summary>
    public sealed class SharedResource;
}

namespace Hemisphere.Platform.Localization
{
    public static class Languages
    {
        public static readonly string[] Supported = ["en", "es", "pt", "fr"];

        /// <summary>Each language named in itself, for the switcher.</summary>
        public static string NativeName(string code) => code switch
        {
            "es" => "Español",
            "pt" => "Português",
            "fr" => "Français",
            _ => "English",
        };

        public static string Normalize(string? code)
        {
            var c = (code ?? "").Trim().ToLowerInvariant();
            if (c.Length > 2) c = c[..2];
            return Supported.Contains(c) ? c : "en";
        }

        public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);

        public static IServiceCollection AddHemisphereLocalization(this IServiceCollection services)
        {
            services.AddLocalization(o => o.ResourcesPath = "Resources");
            services.Configure<RequestLocalizationOptions>(o =>
            {
                var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
                o.DefaultRequestCulture = new RequestCulture("en");
                o.SupportedCultures = cultures;
                o.SupportedUICultures = cultures;
                o.FallBackToParentCultures = true;
                o.FallBackToParentUICultures = true;
                o.RequestCultureProviders =
                [
                    new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                    new CookieRequestCultureProvider { CookieName = CookieName },
                    new AcceptLanguageHeaderRequestCultureProvider(),
                ];
            });
            return services;
        }

        public const string CookieName = "hs.lang";

        public static void Remember(HttpResponse response, string code) =>
            response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps });
    }
}
