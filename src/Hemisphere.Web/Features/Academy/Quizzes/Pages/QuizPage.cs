using System.Globalization;
using System.Text.Json;
using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Academy.Quizzes.Pages;

/// <summary>How the quiz pages answer an action: done → message and back; missing → 404; not allowed → 403; refused → the page with the reasons.</summary>
public abstract class QuizPage : PageModel
{
    protected async Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, string? message, string back, Func<Task> reload)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                if (message is not null) TempData["Message"] = message;
                return Redirect(back);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                foreach (var (_, messages) in outcome.Errors)
                    foreach (var m in messages) ModelState.AddModelError("", m);
                if (outcome.Detail is not null) ModelState.AddModelError("", outcome.Detail);
                await reload();
                return Page();
        }
    }

    public static string Date(DateTimeOffset? at) => at?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) ?? "";

    public static string Number(decimal? n) => n?.ToString("0.##", CultureInfo.CurrentCulture) ?? "—";
}

/// <summary>
/// The attempt form's fields, the same whether posted by the browser or read by quiz.js: <c>q.{id}</c> for a choice, true/false,
/// text, number or essay (repeated for multiple choice); <c>q.{id}.{left}</c> for a matching pair; <c>q.{id}.{item}</c> with a
/// position (1, 2, 3…) for an ordering item.
/// </summary>
public static class QuizForm
{
    public static string Field(Guid question) => "q." + question.ToString("N");

    public static string Field(Guid question, string option) => Field(question) + "." + option;

    /// <summary>The answers of a posted form, in the API's format.</summary>
    public static JsonElement Read(IFormCollection form, IReadOnlyList<AttemptQuestionDto> questions)
    {
        var answers = new Dictionary<string, object?>();
        foreach (var q in questions)
        {
            var key = q.Id.ToString();
            var value = form[Field(q.Id)];
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice when !string.IsNullOrEmpty(value.ToString()):
                    answers[key] = value.ToString();
                    break;
                case QuestionKind.MultipleChoice when value.Count > 0:
                    answers[key] = value.Where(v => !string.IsNullOrEmpty(v)).ToArray();
                    break;
                case QuestionKind.TrueFalse when value.ToString() is "true" or "false":
                    answers[key] = value.ToString() == "true";
                    break;
                case QuestionKind.ShortAnswer or QuestionKind.Numeric or QuestionKind.Essay when !string.IsNullOrWhiteSpace(value.ToString()):
                    answers[key] = value.ToString();
                    break;
                case QuestionKind.Matching:
                    var pairs = q.Left!.Select(l => (l.Id, Right: form[Field(q.Id, l.Id)].ToString())).Where(p => p.Right.Length > 0).ToDictionary(p => p.Id, p => p.Right);
                    if (pairs.Count > 0) answers[key] = pairs;
                    break;
                case QuestionKind.Ordering:
                    var positions = q.Items!.Select((item, i) => (item.Id, Index: i,
                        Position: int.TryParse(form[Field(q.Id, item.Id)].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue)).ToList();
                    if (positions.Any(p => p.Position != int.MaxValue))
                        answers[key] = positions.OrderBy(p => p.Position).ThenBy(p => p.Index).Select(p => p.Id).ToArray();
                    break;
            }
        }
        return JsonSerializer.SerializeToElement(answers);
    }

    /// <summary>The saved answer to a question as a string (choice id, text, number, "true"/"false"), or null.</summary>
    public static string? Text(AttemptDto attempt, Guid question) =>
        attempt.Answers.TryGetValue(question.ToString(), out var a)
            ? a.ValueKind switch
            {
                JsonValueKind.String => a.GetString(),
                JsonValueKind.Number => a.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    /// <summary>Whether a choice is among the saved answer's picks.</summary>
    public static bool Picked(AttemptDto attempt, Guid question, string choice) =>
        attempt.Answers.TryGetValue(question.ToString(), out var a)
        && ((a.ValueKind == JsonValueKind.String && a.GetString() == choice)
            || (a.ValueKind == JsonValueKind.Array && a.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == choice)));

    /// <summary>The right-hand item paired with a left item in the saved answer.</summary>
    public static string? Paired(AttemptDto attempt, Guid question, string left) =>
        attempt.Answers.TryGetValue(question.ToString(), out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty(left, out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString() : null;

    /// <summary>The position (1-based) of an ordering item in the saved answer, or in the paper's starting order.</summary>
    public static int Position(AttemptDto attempt, AttemptQuestionDto question, string item)
    {
        if (attempt.Answers.TryGetValue(question.Id.ToString(), out var a) && a.ValueKind == JsonValueKind.Array)
        {
            var list = a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : null).ToList();
            var i = list.IndexOf(item);
            if (i >= 0) return i + 1;
        }
        return question.Items!.Select(x => x.Id).ToList().IndexOf(item) + 1;
    }

    /// <summary>An answer (the learner's or the right one) as a line of text for the result page.</summary>
    public static string Describe(AttemptQuestionDto q, object? answer)
    {
        if (answer is null) return "—";
        var element = answer is JsonElement e ? e : JsonSerializer.SerializeToElement(answer);
        string Label(IReadOnlyList<OptionDto>? options, string? id) => options?.FirstOrDefault(o => o.Id == id)?.Text ?? id ?? "";
        return q.Kind switch
        {
            QuestionKind.SingleChoice when element.ValueKind == JsonValueKind.String => Label(q.Choices, element.GetString()),
            QuestionKind.MultipleChoice when element.ValueKind == JsonValueKind.Array => string.Join("; ", element.EnumerateArray().Select(x => Label(q.Choices, x.GetString()))),
            QuestionKind.Matching when element.ValueKind == JsonValueKind.Object =>
                string.Join("; ", element.EnumerateObject().Select(p => Label(q.Left, p.Name) + " → " + Label(q.Right, p.Value.GetString()))),
            QuestionKind.Ordering when element.ValueKind == JsonValueKind.Array => string.Join(" → ", element.EnumerateArray().Select(x => Label(q.Items, x.GetString()))),
            QuestionKind.ShortAnswer when element.ValueKind == JsonValueKind.Array => string.Join(" / ", element.EnumerateArray().Select(x => x.GetString())),
            QuestionKind.Numeric when element.ValueKind == JsonValueKind.Object && element.TryGetProperty("value", out var v) =>
                v.GetRawText() + (element.TryGetProperty("tolerance", out var t) && t.ValueKind == JsonValueKind.Number && t.GetDecimal() != 0 ? " ± " + t.GetRawText() : ""),
            _ => element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText(),
        };
    }
}
