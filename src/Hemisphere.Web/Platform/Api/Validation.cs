using System.Net.Mail;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Api;

/// <summary>Collects field errors with localized messages; field names are the API's camelCase names.</summary>
public sealed class Validation(IStringLocalizer localizer)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string field, string key, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(localizer[key, args]);
    }

    /// <summary>Trims; records an error when required and empty or when longer than max. Answers the trimmed text or null.</summary>
    public string? Text(string field, string? value, int max, bool required = false)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null)
        {
            if (required) Add(field, "Validation.Required");
            return null;
        }
        if (trimmed.Length > max) Add(field, "Validation.TooLong", max);
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')) Add(field, "Validation.ControlCharacters");
        return trimmed;
    }

    /// <summary>A text with a version per language; field errors are named field.en, field.es… .</summary>
    public Data.LocalizedText Localized(string field, string? en, string? es, string? pt, string? fr, int max, bool required = false)
    {
        var text = new Data.LocalizedText
        {
            En = Text(field + ".en", en, max) ?? "",
            Es = Text(field + ".es", es, max),
            Pt = Text(field + ".pt", pt, max),
            Fr = Text(field + ".fr", fr, max),
        };
        if (required && text.IsEmpty) Add(field, "Validation.Required");
        return text;
    }

    public string? Url(string field, string? value, int max)
    {
        var text = Text(field, value, max);
        if (text is null) return null;
        if (!IsWebAddress(text)) Add(field, "Validation.InvalidUrl");
        return text;
    }

    /// <summary>An absolute http or https address (never javascript:, data: or a relative path).</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public string? Email(string field, string? value, bool required = false)
    {
        var text = Text(field, value, 256, required);
        if (text is null) return null;
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || !text.Contains('.', StringComparison.Ordinal))
            Add(field, "Validation.InvalidEmail");
        return text;
    }

    public List<string> List(string field, IEnumerable<string?>? values, int maxItems, int maxLength)
    {
        var result = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (result.Count > maxItems) Add(field, "Validation.TooMany", maxItems);
        if (result.Any(v => v.Length > maxLength)) Add(field, "Validation.TooLong", maxLength);
        return result;
    }
}
