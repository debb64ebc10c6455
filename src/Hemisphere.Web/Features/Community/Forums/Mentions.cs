using System.Text.RegularExpressions;

namespace Hemisphere.Features.Community.Forums;

/// <summary>
/// Mentions are written @[Display Name] (the name as members see it), so names with spaces and
/// accents work; an e-mail address is never taken for a mention.
/// </summary>
public static partial class Mentions
{
    public const int MaxPerPost = 20;

    public static IReadOnlyList<string> Find(string? text) =>
        string.IsNullOrEmpty(text) ? [] :
        Pattern().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"(?<![\w@])@\[([^\[\]\r\n]{1,200})\]")]
    private static partial Regex Pattern();
}
