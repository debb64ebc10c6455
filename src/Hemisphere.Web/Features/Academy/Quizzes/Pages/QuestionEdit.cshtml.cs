using System.Text.Json;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes.Pages;

/// <summary>Creates or edits a question: the common fields, and the kind's definition as JSON (with an example per kind).</summary>
[Authorize]
public sealed class QuestionEditModel(QuizBankService bank, IStringLocalizer<SharedResource> l) : QuizPage
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    /// <summary>"new", or the id of the question to edit.</summary>
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    public Guid? QuestionId => Guid.TryParse(Key, out var id) ? id : null;
    [BindProperty] public Guid? CategoryId { get; set; }
    [BindProperty] public string Kind { get; set; } = "singleChoice";
    [BindProperty] public decimal Points { get; set; } = 1;
    [BindProperty] public string? PromptEn { get; set; }
    [BindProperty] public string? PromptEs { get; set; }
    [BindProperty] public string? PromptPt { get; set; }
    [BindProperty] public string? PromptFr { get; set; }
    [BindProperty] public string? FeedbackEn { get; set; }
    [BindProperty] public string? Definition { get; set; }
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];

    /// <summary>An example definition for each kind, shown beside the JSON field.</summary>
    public static readonly IReadOnlyList<(QuestionKind Kind, string Example)> Examples =
    [
        (QuestionKind.SingleChoice, """{"choices":[{"id":"a","text":{"en":"Interpol","es":"Interpol"},"correct":true},{"id":"b","text":{"en":"Europol"}}]}"""),
        (QuestionKind.MultipleChoice, """{"choices":[{"id":"a","text":{"en":"Gloves"},"correct":true},{"id":"b","text":{"en":"Evidence bags"},"correct":true},{"id":"c","text":{"en":"Perfume"}}]}"""),
        (QuestionKind.TrueFalse, """{"correct":true}"""),
        (QuestionKind.ShortAnswer, """{"accepted":["Policía Nacional","PN"],"caseSensitive":false,"accentSensitive":false}"""),
        (QuestionKind.Numeric, """{"value":9.81,"tolerance":0.05}"""),
        (QuestionKind.Matching, """{"left":[{"id":"l1","text":{"en":"GT"}},{"id":"l2","text":{"en":"HN"}}],"right":[{"id":"r1","text":{"en":"Guatemala"}},{"id":"r2","text":{"en":"Honduras"}},{"id":"r3","text":{"en":"Haiti"}}],"pairs":{"l1":"r1","l2":"r2"}}"""),
        (QuestionKind.Ordering, """{"items":[{"id":"x","text":{"en":"Arrive"}},{"id":"y","text":{"en":"Secure the scene"}},{"id":"z","text":{"en":"Report"}}]}"""),
        (QuestionKind.Essay, """{"rubric":{"en":"A full answer names the chain of custody and who signs it."}}"""),
    ];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Key != "new" && QuestionId is null) return NotFound();
        var categories = await bank.CategoriesAsync(User.Actor(), CourseId, ct);
        if (categories.Kind == OutcomeKind.NotFound) return NotFound();
        if (!categories.IsOk) return Forbid();
        Categories = categories.Value!;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away) return away;
        if (QuestionId is { } id)
        {
            var q = await bank.QuestionAsync(User.Actor(), id, ct);
            if (!q.IsOk || q.Value!.CourseId != CourseId) return NotFound();
            var x = q.Value;
            (CategoryId, Kind, Points) = (x.CategoryId, JsonNamingPolicy.CamelCase.ConvertName(x.Kind.ToString()), x.Points);
            (PromptEn, PromptEs, PromptPt, PromptFr, FeedbackEn) = (x.Prompt.En, x.Prompt.Es, x.Prompt.Pt, x.Prompt.Fr, x.Feedback.En);
            Definition = JsonSerializer.Serialize(x.Definition, new JsonSerializerOptions { WriteIndented = true });
        }
        else Definition = Examples[0].Example;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away) return away;
        JsonElement? definition = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(Definition)) definition = JsonDocument.Parse(Definition).RootElement.Clone();
        }
        catch (JsonException)
        {
            ModelState.AddModelError("", l[QuizMessages.Malformed]);
            return Page();
        }
        var input = new QuestionInput(CategoryId, Kind, new Translations(PromptEn, PromptEs, PromptPt, PromptFr), Points, definition, new Translations(FeedbackEn, null, null, null));
        var outcome = QuestionId is { } id
            ? await bank.UpdateQuestionAsync(User.Actor(), id, input, ct)
            : await bank.CreateQuestionAsync(User.Actor(), CourseId, input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // Name each field so that the author knows where to look (definition.choices[1].id…).
            foreach (var (field, messages) in outcome.Errors)
                foreach (var m in messages) ModelState.AddModelError("", field + ": " + m);
            return Page();
        }
        return await AnswerAsync(outcome, l["Common.Saved"], $"/academy/courses/{CourseId}/question-bank", () => Task.CompletedTask);
    }
}
