using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hemisphere.Platform.Search;

namespace Hemisphere.Features.Academy.Quizzes;

/// <summary>A text with a version per language inside a question's definition (choices, items, rubric).</summary>
public sealed record QuizText(string? En = null, string? Es = null, string? Pt = null, string? Fr = null)
{
    public string For(string language)
    {
        var value = language switch { "es" => Es, "pt" => Pt, "fr" => Fr, _ => En };
        return !string.IsNullOrWhiteSpace(value) ? value : !string.IsNullOrWhiteSpace(En) ? En : Es ?? Pt ?? Fr ?? "";
    }

    public string Current => For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    [JsonIgnore] public bool IsEmpty => string.IsNullOrWhiteSpace(En) && string.IsNullOrWhiteSpace(Es) && string.IsNullOrWhiteSpace(Pt) && string.IsNullOrWhiteSpace(Fr);

    public static QuizText From(Platform.Data.LocalizedText t) => new(t.En, t.Es, t.Pt, t.Fr);
}

/// <summary>A choice (single or multiple choice), a matching side's item or an ordering item.</summary>
public sealed record QuizOption(string Id, QuizText Text, bool? Correct = null, QuizText? Feedback = null);

/// <summary>
/// The kind-specific part of a question (<see cref="Question.Definition"/>), one JSON object, camelCase. Fields
/// that the kind does not use are dropped when the definition is saved.
/// <list type="table">
/// <item><term>singleChoice</term><description><c>{"choices":[{"id":"a","text":{"en":"…","es":"…"},"correct":true,"feedback":{"en":"…"}},…]}</c>:
/// 2–20 choices, ids of 1–20 letters, digits, '-' or '_', unique; exactly one correct. Answer: <c>"a"</c>. Full points for the right choice.</description></item>
/// <item><term>multipleChoice</term><description>Same shape, at least one correct. Answer: <c>["a","c"]</c>. Partial credit: with k right
/// choices and m wrong ones, each right choice picked earns 1/k, each wrong one picked costs 1/m, floored at 0 (all right and none wrong = full points).</description></item>
/// <item><term>trueFalse</term><description><c>{"correct":true}</c>. Answer: <c>true</c> or <c>false</c>.</description></item>
/// <item><term>shortAnswer</term><description><c>{"accepted":["Interpol","OIPC"],"caseSensitive":false,"accentSensitive":false}</c>: 1–50 accepted
/// answers. Answer: <c>"interpol"</c>. Compared after trimming and collapsing inner spaces; unless caseSensitive the case is ignored,
/// unless accentSensitive the accents too (the platform's <see cref="TextFolding"/>).</description></item>
/// <item><term>numeric</term><description><c>{"value":3.5,"tolerance":0.1}</c>: right when |answer − value| ≤ tolerance (absolute, ≥ 0). Answer: <c>3.45</c>
/// (a number, or a string with '.' or ',' as the decimal separator).</description></item>
/// <item><term>matching</term><description><c>{"left":[{"id":"l1","text":{…}},…],"right":[{"id":"r1","text":{…}},…],"pairs":{"l1":"r1",…}}</c>: 2–20 left items,
/// each paired with one right item (right may hold extra distractors). Answer: <c>{"l1":"r2","l2":"r1"}</c>. Partial credit: the share of left items paired right.</description></item>
/// <item><term>ordering</term><description><c>{"items":[{"id":"x","text":{…}},…]}</c>: 2–20 items listed in the right order (the paper always shuffles them).
/// Answer: <c>["y","x","z"]</c>. Partial credit: the share of items in their right position.</description></item>
/// <item><term>essay</term><description><c>{"rubric":{"en":"What a full answer covers…"}}</c>. Answer: <c>"text"</c> (up to 20,000 characters). Graded by an
/// instructor (points and a comment).</description></item>
/// </list>
/// </summary>
public sealed class QuestionDefinition
{
    public List<QuizOption>? Choices { get; set; }
    public bool? Correct { get; set; }
    public List<string>? Accepted { get; set; }
    public bool? CaseSensitive { get; set; }
    public bool? AccentSensitive { get; set; }
    public decimal? Value { get; set; }
    public decimal? Tolerance { get; set; }
    public List<QuizOption>? Left { get; set; }
    public List<QuizOption>? Right { get; set; }
    public Dictionary<string, string>? Pairs { get; set; }
    public List<QuizOption>? Items { get; set; }
    public QuizText? Rubric { get; set; }
}

/// <summary>One question of an attempt's paper, fixed when the attempt starts: a copy of the question (so later edits of the bank
/// do not change a paper in progress) and the order its choices (or right-hand items, or ordering items) are shown in.</summary>
public sealed record PaperQuestion(Guid Id, QuestionKind Kind, decimal Points, QuizText Prompt, QuizText? Feedback, QuestionDefinition Definition, IReadOnlyList<string>? Order);

/// <summary>A field error of a definition, quiz or answer: the API field and a resource key (see <see cref="QuizMessages"/>).</summary>
public sealed record QuizError(string Field, string Key, params object[] Args);

/// <summary>The resource keys the engine answers with (listed so the localization test knows them).</summary>
public static class QuizMessages
{
    public const string Malformed = "Quiz.Error.Malformed";
    public const string Required = "Validation.Required";
    public const string ChoiceCount = "Quiz.Error.ChoiceCount";
    public const string OptionId = "Quiz.Error.OptionId";
    public const string DuplicateId = "Quiz.Error.DuplicateId";
    public const string OptionText = "Quiz.Error.OptionText";
    public const string OneCorrect = "Quiz.Error.OneCorrect";
    public const string SomeCorrect = "Quiz.Error.SomeCorrect";
    public const string AcceptedCount = "Quiz.Error.AcceptedCount";
    public const string TooLong = "Validation.TooLong";
    public const string Tolerance = "Quiz.Error.Tolerance";
    public const string ItemCount = "Quiz.Error.ItemCount";
    public const string PairMissing = "Quiz.Error.PairMissing";
    public const string PairUnknown = "Quiz.Error.PairUnknown";
    public const string UnknownQuestion = "Quiz.Error.UnknownQuestion";
    public const string WrongType = "Quiz.Error.WrongType";
    public const string UnknownChoice = "Quiz.Error.UnknownChoice";
    public const string NotANumber = "Quiz.Error.NotANumber";
    public const string NotAPermutation = "Quiz.Error.NotAPermutation";
    public const string NotEnoughQuestions = "Quiz.Error.NotEnoughQuestions";
    public const string AnswersTooLarge = "Quiz.Error.AnswersTooLarge";
    public const string DuplicateDraw = "Quiz.DuplicateDraw";

    public static readonly IReadOnlyList<string> All =
    [
        Malformed, Required, ChoiceCount, OptionId, DuplicateId, OptionText, OneCorrect, SomeCorrect, AcceptedCount, TooLong, Tolerance,
        ItemCount, PairMissing, PairUnknown, UnknownQuestion, WrongType, UnknownChoice, NotANumber, NotAPermutation, NotEnoughQuestions, AnswersTooLarge, DuplicateDraw,
    ];
}

/// <summary>
/// The quiz engine: pure logic, no database. Validates definitions, grades answers, draws and shuffles papers.
/// </summary>
public static partial class QuizEngine
{
    public const int MaxOptions = 20;
    public const int MaxAccepted = 50;
    public const int MaxOptionText = 1000;
    public const int MaxShortAnswer = 1000;
    public const int MaxEssay = 20_000;
    public const int MaxAnswersJson = 200_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,20}$")]
    private static partial Regex OptionIdPattern();

    // ---------- Definitions ----------

    /// <summary>Reads and validates a definition; answers the canonical definition (only the kind's fields) or the errors.</summary>
    public static (QuestionDefinition? Definition, List<QuizError> Errors) ReadDefinition(QuestionKind kind, string? json)
    {
        var errors = new List<QuizError>();
        QuestionDefinition? d;
        try
        {
            d = string.IsNullOrWhiteSpace(json) ? new QuestionDefinition() : JsonSerializer.Deserialize<QuestionDefinition>(json, Json);
        }
        catch (JsonException)
        {
            d = null;
        }
        if (d is null)
        {
            errors.Add(new QuizError("definition", QuizMessages.Malformed));
            return (null, errors);
        }
        var canonical = Validate(kind, d, errors);
        return (errors.Count == 0 ? canonical : null, errors);
    }

    public static string Serialize(QuestionDefinition d) => JsonSerializer.Serialize(d, Json);

    private static QuestionDefinition Validate(QuestionKind kind, QuestionDefinition d, List<QuizError> errors)
    {
        switch (kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                {
                    var choices = Options(d.Choices, "definition.choices", 2, errors, withCorrect: true);
                    var correct = choices.Count(c => c.Correct == true);
                    if (choices.Count >= 2 && kind == QuestionKind.SingleChoice && correct != 1) errors.Add(new QuizError("definition.choices", QuizMessages.OneCorrect));
                    if (choices.Count >= 2 && kind == QuestionKind.MultipleChoice && correct == 0) errors.Add(new QuizError("definition.choices", QuizMessages.SomeCorrect));
                    return new QuestionDefinition { Choices = choices };
                }
            case QuestionKind.TrueFalse:
                if (d.Correct is null) errors.Add(new QuizError("definition.correct", QuizMessages.Required));
                return new QuestionDefinition { Correct = d.Correct };
            case QuestionKind.ShortAnswer:
                {
                    var accepted = (d.Accepted ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => Collapse(a)).Distinct(StringComparer.Ordinal).ToList();
                    if (accepted.Count is 0 or > MaxAccepted) errors.Add(new QuizError("definition.accepted", QuizMessages.AcceptedCount, MaxAccepted));
                    if (accepted.Any(a => a.Length > MaxShortAnswer)) errors.Add(new QuizError("definition.accepted", QuizMessages.TooLong, MaxShortAnswer));
                    return new QuestionDefinition { Accepted = accepted, CaseSensitive = d.CaseSensitive ?? false, AccentSensitive = d.AccentSensitive ?? false };
                }
            case QuestionKind.Numeric:
                if (d.Value is null) errors.Add(new QuizError("definition.value", QuizMessages.Required));
                if (d.Tolerance is < 0) errors.Add(new QuizError("definition.tolerance", QuizMessages.Tolerance));
                return new QuestionDefinition { Value = d.Value, Tolerance = d.Tolerance ?? 0 };
            case QuestionKind.Matching:
                {
                    var left = Options(d.Left, "definition.left", 2, errors, withCorrect: false);
                    var right = Options(d.Right, "definition.right", 2, errors, withCorrect: false);
                    var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var l in left)
                    {
                        if (d.Pairs is null || !d.Pairs.TryGetValue(l.Id, out var r)) errors.Add(new QuizError($"definition.pairs.{l.Id}", QuizMessages.PairMissing));
                        else if (right.All(x => x.Id != r)) errors.Add(new QuizError($"definition.pairs.{l.Id}", QuizMessages.PairUnknown));
                        else pairs[l.Id] = r;
                    }
                    foreach (var key in (d.Pairs ?? []).Keys.Where(k => left.All(l => l.Id != k)))
                        errors.Add(new QuizError($"definition.pairs.{key}", QuizMessages.PairUnknown));
                    return new QuestionDefinition { Left = left, Right = right, Pairs = pairs };
                }
            case QuestionKind.Ordering:
                return new QuestionDefinition { Items = Options(d.Items, "definition.items", 2, errors, withCorrect: false) };
            case QuestionKind.Essay:
                if (d.Rubric is { } rubric && new[] { rubric.En, rubric.Es, rubric.Pt, rubric.Fr }.Any(t => t?.Length > 4000))
                    errors.Add(new QuizError("definition.rubric", QuizMessages.TooLong, 4000));
                return new QuestionDefinition { Rubric = d.Rubric is { IsEmpty: false } r2 ? Trim(r2) : null };
            default:
                errors.Add(new QuizError("kind", QuizMessages.Malformed));
                return d;
        }
    }

    private static List<QuizOption> Options(List<QuizOption>? given, string field, int min, List<QuizError> errors, bool withCorrect)
    {
        var options = given ?? [];
        if (options.Count < min || options.Count > MaxOptions) errors.Add(new QuizError(field, withCorrect ? QuizMessages.ChoiceCount : QuizMessages.ItemCount, min, MaxOptions));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<QuizOption>();
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            if (o is null)
            {
                errors.Add(new QuizError($"{field}[{i}]", QuizMessages.Required));
                continue;
            }
            if (o.Id is null || !OptionIdPattern().IsMatch(o.Id)) errors.Add(new QuizError($"{field}[{i}].id", QuizMessages.OptionId));
            else if (!seen.Add(o.Id)) errors.Add(new QuizError($"{field}[{i}].id", QuizMessages.DuplicateId));
            if (o.Text is null || o.Text.IsEmpty) errors.Add(new QuizError($"{field}[{i}].text", QuizMessages.OptionText));
            else if (new[] { o.Text.En, o.Text.Es, o.Text.Pt, o.Text.Fr }.Any(t => t?.Length > MaxOptionText)) errors.Add(new QuizError($"{field}[{i}].text", QuizMessages.TooLong, MaxOptionText));
            result.Add(new QuizOption(o.Id ?? "", o.Text is null ? new QuizText() : Trim(o.Text), withCorrect ? o.Correct ?? false : null,
                withCorrect && o.Feedback is { IsEmpty: false } f ? Trim(f) : null));
        }
        return result;
    }

    private static QuizText Trim(QuizText t) => new(t.En?.Trim() ?? "", Blank(t.Es), Blank(t.Pt), Blank(t.Fr));
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---------- Answers ----------

    /// <summary>
    /// Validates a learner's answers against the paper: an object keyed by question id, each value of the kind's shape (see
    /// <see cref="QuestionDefinition"/>); null or a missing key is "no answer". Answers the normalised answers (only answered questions).
    /// </summary>
    public static (Dictionary<Guid, JsonElement> Answers, List<QuizError> Errors) ReadAnswers(IReadOnlyList<PaperQuestion> paper, JsonElement answers)
    {
        var errors = new List<QuizError>();
        var result = new Dictionary<Guid, JsonElement>();
        if (answers.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return (result, errors);
        if (answers.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new QuizError("answers", QuizMessages.WrongType));
            return (result, errors);
        }
        if (answers.GetRawText().Length > MaxAnswersJson)
        {
            errors.Add(new QuizError("answers", QuizMessages.AnswersTooLarge, MaxAnswersJson));
            return (result, errors);
        }
        var byId = paper.ToDictionary(q => q.Id);
        foreach (var p in answers.EnumerateObject())
        {
            var field = "answers." + p.Name;
            if (!Guid.TryParse(p.Name, out var id) || !byId.TryGetValue(id, out var q))
            {
                errors.Add(new QuizError(field, QuizMessages.UnknownQuestion));
                continue;
            }
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            if (CheckAnswer(q, p.Value, field, errors)) result[id] = p.Value.Clone();
        }
        return (result, errors);
    }

    private static bool CheckAnswer(PaperQuestion q, JsonElement a, string field, List<QuizError> errors)
    {
        var before = errors.Count;
        var d = q.Definition;
        switch (q.Kind)
        {
            case QuestionKind.SingleChoice:
                if (a.ValueKind != JsonValueKind.String) errors.Add(new QuizError(field, QuizMessages.WrongType));
                else if (d.Choices!.All(c => c.Id != a.GetString())) errors.Add(new QuizError(field, QuizMessages.UnknownChoice));
                break;
            case QuestionKind.MultipleChoice:
                if (a.ValueKind != JsonValueKind.Array || a.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String)) errors.Add(new QuizError(field, QuizMessages.WrongType));
                else if (a.GetArrayLength() > d.Choices!.Count || a.EnumerateArray().Any(x => d.Choices!.All(c => c.Id != x.GetString()))) errors.Add(new QuizError(field, QuizMessages.UnknownChoice));
                break;
            case QuestionKind.TrueFalse:
                if (a.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add(new QuizError(field, QuizMessages.WrongType));
                break;
            case QuestionKind.ShortAnswer or QuestionKind.Essay:
                var max = q.Kind == QuestionKind.Essay ? MaxEssay : MaxShortAnswer;
                if (a.ValueKind != JsonValueKind.String) errors.Add(new QuizError(field, QuizMessages.WrongType));
                else if (a.GetString()!.Length > max) errors.Add(new QuizError(field, QuizMessages.TooLong, max));
                break;
            case QuestionKind.Numeric:
                if (a.ValueKind is not (JsonValueKind.Number or JsonValueKind.String)) errors.Add(new QuizError(field, QuizMessages.WrongType));
                else if (Number(a) is null && !(a.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(a.GetString()))) errors.Add(new QuizError(field, QuizMessages.NotANumber));
                break;
            case QuestionKind.Matching:
                if (a.ValueKind != JsonValueKind.Object || a.EnumerateObject().Any(x => x.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
                    errors.Add(new QuizError(field, QuizMessages.WrongType));
                else if (a.EnumerateObject().Any(x => d.Left!.All(l => l.Id != x.Name) || (x.Value.ValueKind == JsonValueKind.String && d.Right!.All(r => r.Id != x.Value.GetString()))))
                    errors.Add(new QuizError(field, QuizMessages.UnknownChoice));
                break;
            case QuestionKind.Ordering:
                if (a.ValueKind != JsonValueKind.Array || a.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String)) errors.Add(new QuizError(field, QuizMessages.WrongType));
                else
                {
                    var ids = a.EnumerateArray().Select(x => x.GetString()!).ToList();
                    if (ids.Count != d.Items!.Count || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count || ids.Any(i => d.Items.All(x => x.Id != i)))
                        errors.Add(new QuizError(field, QuizMessages.NotAPermutation));
                }
                break;
        }
        return errors.Count == before;
    }

    private static decimal? Number(JsonElement a)
    {
        if (a.ValueKind == JsonValueKind.Number) return a.TryGetDecimal(out var n) ? n : null;
        if (a.ValueKind != JsonValueKind.String) return null;
        var s = a.GetString()!.Trim().Replace(',', '.');
        return s.Length is > 0 and <= 50 && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    // ---------- Grading ----------

    /// <summary>
    /// The share of the question's points an answer earns, 0–1; null for an essay (an instructor grades it). A missing answer earns 0.
    /// The answer must have passed <see cref="ReadAnswers"/>.
    /// </summary>
    public static decimal? Credit(PaperQuestion q, JsonElement? answer)
    {
        if (q.Kind == QuestionKind.Essay) return null;
        if (answer is not { } a || a.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return 0;
        var d = q.Definition;
        switch (q.Kind)
        {
            case QuestionKind.SingleChoice:
                return a.ValueKind == JsonValueKind.String && d.Choices!.Any(c => c.Correct == true && c.Id == a.GetString()) ? 1 : 0;
            case QuestionKind.MultipleChoice:
                {
                    if (a.ValueKind != JsonValueKind.Array) return 0;
                    var picked = a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal);
                    var right = d.Choices!.Where(c => c.Correct == true).Select(c => c.Id).ToList();
                    var wrong = d.Choices!.Where(c => c.Correct != true).Select(c => c.Id).ToList();
                    var gained = right.Count == 0 ? 0m : (decimal)right.Count(picked.Contains) / right.Count;
                    var lost = wrong.Count == 0 ? 0m : (decimal)wrong.Count(picked.Contains) / wrong.Count;
                    return Math.Max(0, gained - lost);
                }
            case QuestionKind.TrueFalse:
                return a.ValueKind is JsonValueKind.True or JsonValueKind.False && a.GetBoolean() == d.Correct ? 1 : 0;
            case QuestionKind.ShortAnswer:
                {
                    if (a.ValueKind != JsonValueKind.String) return 0;
                    var given = Comparable(a.GetString()!, d);
                    return given.Length > 0 && d.Accepted!.Any(x => Comparable(x, d) == given) ? 1 : 0;
                }
            case QuestionKind.Numeric:
                return Number(a) is { } n && Math.Abs(n - d.Value!.Value) <= (d.Tolerance ?? 0) ? 1 : 0;
            case QuestionKind.Matching:
                {
                    if (a.ValueKind != JsonValueKind.Object || d.Left!.Count == 0) return 0;
                    var right = 0;
                    foreach (var p in a.EnumerateObject())
                        if (p.Value.ValueKind == JsonValueKind.String && d.Pairs!.TryGetValue(p.Name, out var r) && r == p.Value.GetString()) right++;
                    return (decimal)right / d.Left.Count;
                }
            case QuestionKind.Ordering:
                {
                    if (a.ValueKind != JsonValueKind.Array || d.Items!.Count == 0) return 0;
                    var given = a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : null).ToList();
                    var inPlace = d.Items.Where((item, i) => i < given.Count && given[i] == item.Id).Count();
                    return (decimal)inPlace / d.Items.Count;
                }
            default:
                return 0;
        }
    }

    /// <summary>The points an answer earns (rounded to 2 decimals), null for an essay.</summary>
    public static decimal? Points(PaperQuestion q, JsonElement? answer) =>
        Credit(q, answer) is { } c ? Math.Round(q.Points * c, 2, MidpointRounding.AwayFromZero) : null;

    private static string Comparable(string text, QuestionDefinition d)
    {
        var t = Collapse(text);
        var caseSensitive = d.CaseSensitive == true;
        if (d.AccentSensitive != true) return caseSensitive ? StripAccents(t) : TextFolding.Fold(t);
        return caseSensitive ? t.Normalize(System.Text.NormalizationForm.FormC) : t.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>Like <see cref="TextFolding.Fold(string?)"/> without lower-casing.</summary>
    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>What a right answer looks like, in the answer format (for feedback once the quiz's timing allows).</summary>
    public static object? RightAnswer(PaperQuestion q) => q.Kind switch
    {
        QuestionKind.SingleChoice => q.Definition.Choices!.First(c => c.Correct == true).Id,
        QuestionKind.MultipleChoice => q.Definition.Choices!.Where(c => c.Correct == true).Select(c => c.Id).ToList(),
        QuestionKind.TrueFalse => q.Definition.Correct,
        QuestionKind.ShortAnswer => q.Definition.Accepted,
        QuestionKind.Numeric => new { value = q.Definition.Value, tolerance = q.Definition.Tolerance },
        QuestionKind.Matching => q.Definition.Pairs,
        QuestionKind.Ordering => q.Definition.Items!.Select(i => i.Id).ToList(),
        _ => null,
    };

    /// <summary>The total: auto-graded points plus the instructor's points; complete when no essay waits for a grade.</summary>
    public static (decimal Score, decimal Max, bool Complete) Total(IReadOnlyList<PaperQuestion> paper, IReadOnlyDictionary<Guid, JsonElement> answers,
        IReadOnlyDictionary<Guid, decimal> instructorPoints)
    {
        decimal score = 0, max = 0;
        var complete = true;
        foreach (var q in paper)
        {
            max += q.Points;
            if (instructorPoints.TryGetValue(q.Id, out var given)) score += given;
            else if (Points(q, answers.TryGetValue(q.Id, out var a) ? a : null) is { } p) score += p;
            else complete = false;
        }
        return (score, max, complete);
    }

    public static decimal Percent(decimal score, decimal max) => max <= 0 ? 0 : Math.Round(100m * score / max, 2, MidpointRounding.AwayFromZero);

    // ---------- Draws and papers ----------

    /// <summary>
    /// Draws Count questions at random from each category (the ids of its questions that are not retired); the same seed and bank
    /// give the same draw. Refuses (an error per category) when a draw asks for more questions than the category holds.
    /// </summary>
    public static (List<Guid> Drawn, List<QuizError> Errors) Draw(IReadOnlyList<(Guid CategoryId, int Count)> draws, IReadOnlyDictionary<Guid, List<Guid>> available, int seed)
    {
        var errors = new List<QuizError>();
        var random = new Random(seed);
        var drawn = new List<Guid>();
        for (var i = 0; i < draws.Count; i++)
        {
            var (category, count) = draws[i];
            var pool = available.TryGetValue(category, out var ids) ? ids.Distinct().Order().ToList() : [];
            if (count > pool.Count)
            {
                errors.Add(new QuizError($"draws[{i}].count", QuizMessages.NotEnoughQuestions, count, pool.Count));
                continue;
            }
            Shuffle(pool, random);
            drawn.AddRange(pool.Take(count));
        }
        return (drawn, errors);
    }

    /// <summary>A stable seed from an attempt's id: the attempt's paper can be drawn again from it.</summary>
    public static int SeedOf(Guid attemptId) => BitConverter.ToInt32(SHA256.HashData(attemptId.ToByteArray()), 0);

    /// <summary>
    /// The paper: the drawn questions (in the draw's order, or shuffled), each with the order of its choices (shuffled when asked),
    /// the order of a matching question's right-hand items (likewise) and the starting order of an ordering question (always
    /// shuffled, and never the right order when there is another).
    /// </summary>
    public static List<PaperQuestion> Paper(IReadOnlyList<Question> drawn, bool shuffleQuestions, bool shuffleChoices, int seed)
    {
        var random = new Random(seed);
        var questions = drawn.ToList();
        if (shuffleQuestions) Shuffle(questions, random);
        var paper = new List<PaperQuestion>(questions.Count);
        foreach (var q in questions)
        {
            var (d, _) = ReadDefinition(q.Kind, q.Definition);
            d ??= new QuestionDefinition();
            List<string>? order = null;
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    order = d.Choices!.Select(c => c.Id).ToList();
                    if (shuffleChoices) Shuffle(order, random);
                    break;
                case QuestionKind.Matching:
                    order = d.Right!.Select(c => c.Id).ToList();
                    if (shuffleChoices) Shuffle(order, random);
                    break;
                case QuestionKind.Ordering:
                    var right = d.Items!.Select(c => c.Id).ToList();
                    order = right.ToList();
                    for (var tries = 0; tries < 10 && order.SequenceEqual(right) && order.Count > 1; tries++) Shuffle(order, random);
                    if (order.SequenceEqual(right) && order.Count > 1) order.Reverse();
                    break;
            }
            paper.Add(new PaperQuestion(q.Id, q.Kind, q.Points, QuizText.From(q.Prompt), q.Feedback.IsEmpty ? null : QuizText.From(q.Feedback), d, order));
        }
        return paper;
    }

    private static void Shuffle<T>(IList<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    public static string SerializePaper(IReadOnlyList<PaperQuestion> paper) => JsonSerializer.Serialize(paper, Json);

    public static List<PaperQuestion> ReadPaper(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<PaperQuestion>>(json, Json) ?? [];

    public static Dictionary<Guid, JsonElement> ReadSavedAnswers(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<Guid, JsonElement>();
        foreach (var p in doc.RootElement.EnumerateObject())
            if (Guid.TryParse(p.Name, out var id)) result[id] = p.Value.Clone();
        return result;
    }

    public static string SerializeAnswers(IReadOnlyDictionary<Guid, JsonElement> answers) =>
        JsonSerializer.Serialize(answers.ToDictionary(a => a.Key.ToString(), a => a.Value), Json);
}
