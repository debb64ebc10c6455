using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Ui.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? 500;
        var (title, message) = status switch
        {
            404 => ("Error.NotFound", "Error.NotFound.Detail"),
            403 => ("Error.Forbidden", "Error.Forbidden.Detail"),
            400 => ("Error.BadRequest", "Error.BadRequest.Detail"),
            429 => ("Problem.TooManyRequests", "Problem.TooManyRequests.Detail"),
            _ => ("Error.Unexpected", "Error.Unexpected.Detail"),
        };
        Title = l[title];
        Message = l[message];
        // Keep the status of the original request when re-executed; a direct visit is answered as that status.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = status is >= 400 and < 600 ? status : 404;
    }
}
