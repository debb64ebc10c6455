using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>
/// How the opening of a paragraph reads, as a careful reader would weigh it when the headings do
/// not say which section it belongs to: objectives state aims ("To establish…", "Strengthen…",
/// "The objectives of the program are…"); results report what happened or is expected ("Among the
/// results…", "In 2016, …", "To this date…", "1. …"); a summary presents the programme ("This
/// initiative…", "The Department of Public Security…", "Within the framework of…"). Only the
/// first sentence is read. Scores are small integers; most paragraphs score nothing.
/// </summary>
internal static partial class SectionCues
{
    [GeneratedRegex(@"^To\s+(?!(?:this|that|these|those|date|the|a|an|its|their|our|all|be)\b)[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Infinitive();

    [GeneratedRegex(@"^(?:Promote|Strengthen|Contribute|Create|Support|Develop|Improve|Increase|Enhance|Build|Foster|Prevent|Reduce|Establish|Facilitate|Assist|Provide|Ensure|Train|Consolidate|Generate|Raise|Design|Protect|Combat|Reinforce|Expand|Contribuir|Fortalecer|Promover|Desarrollar|Apoyar|Mejorar|Generar|Prevenir|Establecer|Facilitar|Crear|Incrementar|Reducir|Capacitar)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Imperative();

    [GeneratedRegex(@"\b(?:objectives?|goals?|objetivos?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObjectiveWord();

    [GeneratedRegex(@"\b(?:results?|outcomes?|achievements?|resultados?|logros?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResultWord();

    [GeneratedRegex(@"^(?:\d{1,2}[.)]\s|(?:In|By|During|Since|As of|En|Desde|Durante)\s+(?:\p{L}+\s+)?(?:19|20)\d{2}\b|(?:To date|To this date|So far|Thus far|Up to now|There (?:is|are|was|were|has been|have been)|It is expected|As a result|Finally|In the following|In the next|Approximately|Hasta la fecha|A la fecha|Como resultado|Se (?:ha|han))\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ResultOpening();

    [GeneratedRegex(@"^(?:(?:This|The|Este|El)\s+(?:project|initiative|program|programme|proyecto|iniciativa|programa)\b(?!\s+team|[´’'])|(?:The\s+)?(?:OAS\s+)?(?:Department of Public Security|General Secretariat)\b|(?:Within|Under)\s+the\s+framework\b|En\s+el\s+marco\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryOpening();

    [GeneratedRegex(@"^Through\s+(?:the|its|this)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Through();

    [GeneratedRegex(@"^.*?[.!?](?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstSentence();

    /// <summary>Scores of a paragraph for objectives, results and summary.</summary>
    public static (int Objectives, int Results, int Summary) Score(string paragraph)
    {
        Match first = FirstSentence().Match(paragraph);
        string sentence = first.Success ? first.Value : paragraph;
        int o = Infinitive().IsMatch(paragraph) || Imperative().IsMatch(paragraph) ? 3 : ObjectiveWord().IsMatch(sentence) ? 2 : 0;
        int r = ResultOpening().IsMatch(paragraph) || ResultWord().IsMatch(sentence) ? 2 : 0;
        int s = SummaryOpening().IsMatch(paragraph) ? 2 : Through().IsMatch(paragraph) ? 1 : 0;
        return (o, r, s);
    }

    /// <summary>How much more a paragraph reads as <paramref name="section"/> than as the other two.</summary>
    public static int Affinity(string paragraph, SectionKind section)
    {
        var (o, r, s) = Score(paragraph);
        return section switch
        {
            SectionKind.Objectives => o - Math.Max(r, s),
            SectionKind.Results => r - Math.Max(o, s),
            _ => s - Math.Max(o, r),
        };
    }
}
