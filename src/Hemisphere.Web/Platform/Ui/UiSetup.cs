using Hemisphere.Platform.Api;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Hemisphere.Platform.Ui;

public static class UiSetup
{
    public static IServiceCollection AddHemisphereUi(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                // Pages live beside their feature; every page declares its own absolute route.
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/Platform/Identity/Pages/Manage");
                o.Conventions.AuthorizeFolder("/Platform/Identity/Pages/Admin");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            // Validation runs on the server only: the client-side helpers would write
            // <li style="display:none"> into every validation summary, which the CSP forbids.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new NumberBinderProvider()));
        // Write Spanish, Portuguese and French text as characters, not as numeric entities: lighter pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Platform/Ui/{0}.cshtml"));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hs.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    public static void MapHemisphereUi(this WebApplication app)
    {
        app.MapRazorPages();
        // The language switcher: a form on every page posts here (works without JavaScript).
        app.MapPost("/language", ([FromForm] string? language, [FromForm] string? returnUrl, HttpContext http) =>
        {
            var code = Languages.Normalize(language);
            Languages.Remember(http.Response, code);
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
    }

    /// <summary>Problem details for the API; friendly pages for people.</summary>
    public static void UseHemisphereErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
            ExceptionHandler = async ctx =>
            {
                if (ctx.Request.IsApi())
                {
                    var problems = ctx.RequestServices.GetRequiredService<IProblemDetailsService>();
                    await problems.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = ctx,
                        ProblemDetails = new ProblemDetails { Status = 500, Title = "An unexpected error occurred." },
                        Exception = ctx.Features.Get<IExceptionHandlerFeature>()?.Error,
                    });
                    return;
                }
                ctx.Response.Redirect("/error/500");
            },
        });
        app.UseWhen(ctx => ctx.Request.IsApi(), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.Request.IsApi(), site => site.UseStatusCodePagesWithReExecute("/error/{0}"));
    }
}
