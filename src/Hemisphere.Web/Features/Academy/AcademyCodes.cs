using System.Text.Json;
using Hemisphere.Platform.Api;

namespace Hemisphere.Features.Academy;

/// <summary>The API's codes for the academy's enums (camelCase, as the JSON serializer writes them) and their parsing.</summary>
public static class AcademyCodes
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The enum value named by a code (case-insensitive); a field error naming the accepted codes otherwise.</summary>
    public static T? Parse<T>(Validation v, string field, string? code, bool required = false) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (required) v.Add(field, "Validation.Required");
            return null;
        }
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(Code(value), code.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        v.Add(field, "Validation.OneOf", string.Join(", ", Enum.GetValues<T>().Select(Code)));
        return null;
    }

    /// <summary>A course code: letters, digits and hyphens, starting with a letter, e.g. POL-101.</summary>
    public static bool IsCourseCode(string code) =>
        code.Length is > 0 and <= AcademyLimits.Code && char.IsAsciiLetterUpper(code[0])
        && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
}
