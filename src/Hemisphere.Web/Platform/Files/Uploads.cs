using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Files;

/// <summary>
/// One file sent as multipart/form-data (field <see cref="FileStore.Field"/>) to an API endpoint: the refusals every upload
/// makes (not multipart: 415; too large or no file: 400 naming "file") in one place, and the size limits on the endpoint.
/// </summary>
public static class Uploads
{
    /// <summary>The most an upload request may carry: 500 MiB of file and 1 MiB for the rest of the form.</summary>
    public const long Limit = 500L * 1024 * 1024 + 1024 * 1024;

    public static async Task<IResult> WithFileAsync(HttpRequest request, IStringLocalizer<SharedResource> l,
        Func<IFormFile, IFormCollection, Stream, Task<IResult>> use, CancellationToken ct)
    {
        if (!request.HasFormContentType) return l.Problem(415, "Problem.UnsupportedMediaType", l["Library.SendMultipart"]);
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (InvalidDataException) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l["Library.FileTooLarge"]] }, title: l["Problem.Validation"]); }
        var file = form.Files.GetFile(FileStore.Field);
        if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l["Validation.Required"]] }, title: l["Problem.Validation"]);
        await using var stream = file.OpenReadStream();
        return await use(file, form, stream);
    }

    /// <summary>Lets the endpoint's requests and forms be as large as <see cref="Limit"/>.</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(Limit), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = Limit });
}
