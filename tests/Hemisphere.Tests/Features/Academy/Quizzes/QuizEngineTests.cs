using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Features.Academy.Quizzes;
using Hemisphere.Platform.Data;

namespace Hemisphere.Tests.Features.Academy.Quizzes;

public sealed class QuizEngineTests
{
    private static PaperQuestion Q(QuestionKind kind, string? definition = null, decimal points = 2)
    {
        var (d, errors) = QuizEngine.ReadDefinition(kind, definition ?? QuizWorld.Definitions[kind]);
        Assert.Empty(errors);
        return new PaperQuestion(Guid.NewGuid(), kind, points, new QuizText("Prompt"), null, d!, null);
    }

    private static decimal? Points(PaperQuestion q, string json) => QuizEngine.Points(q, JsonDocument.Parse(json).RootElement);

    private static List<QuizError> Errors(QuestionKind kind, string json) => QuizEngine.ReadDefinition(kind, json).Errors;

    [Fact]
    public void Single_choice_earns_all_or_nothing()
    {
        var q = Q(QuestionKind.SingleChoice);
        Assert.Equal(2, Points(q, "\"a\""));
        Assert.Equal(0, Points(q, "\"b\""));
        Assert.Equal(0, QuizEngine.Points(q, null));
    }

    [Fact]
    public void Multiple_choice_gives_partial_credit_and_takes_some_back_for_wrong_picks()
    {
        // Right: b, c (k = 2); wrong: a, d (m = 2). Points 2.
        var q = Q(QuestionKind.MultipleChoice);
        Assert.Equal(2, Points(q, """["b","c"]"""));
        Assert.Equal(1, Points(q, """["b"]"""));
        Assert.Equal(0, Points(q, """["b","a"]"""));        // 1/2 − 1/2
        Assert.Equal(1, Points(q, """["b","c","a"]"""));    // 1 − 1/2
        Assert.Equal(0, Points(q, """["a","d"]"""));        // floored at 0
        Assert.Equal(0, Points(q, """["a","b","c","d"]"""));// picking everything earns nothing
        Assert.Equal(0, Points(q, "[]"));
        var three = Q(QuestionKind.MultipleChoice, """{"choices":[{"id":"a","text":{"en":"1"},"correct":true},{"id":"b","text":{"en":"2"},"correct":true},{"id":"c","text":{"en":"3"},"correct":true},{"id":"d","text":{"en":"4"}}]}""", 1);
        Assert.Equal(0.67m, Points(three, """["a","b"]"""));
    }

    [Fact]
    public void True_false()
    {
        var q = Q(QuestionKind.TrueFalse);
        Assert.Equal(2, Points(q, "true"));
        Assert.Equal(0, Points(q, "false"));
    }

    [Fact]
    public void Short_answer_ignores_spacing_case_and_accents_unless_asked()
    {
        var q = Q(QuestionKind.ShortAnswer);
        Assert.Equal(2, Points(q, "\"Policía Nacional\""));
        Assert.Equal(2, Points(q, "\"  policia   NACIONAL \""));
        Assert.Equal(0, Points(q, "\"Policia\""));
        Assert.Equal(0, Points(q, "\"   \""));

        var strict = Q(QuestionKind.ShortAnswer, """{"accepted":["Policía"],"caseSensitive":true,"accentSensitive":true}""");
        Assert.Equal(2, Points(strict, "\"Policía\""));
        Assert.Equal(0, Points(strict, "\"policía\""));
        Assert.Equal(0, Points(strict, "\"Policia\""));

        var caseOnly = Q(QuestionKind.ShortAnswer, """{"accepted":["Policía"],"caseSensitive":true,"accentSensitive":false}""");
        Assert.Equal(2, Points(caseOnly, "\"Policia\""));
        Assert.Equal(0, Points(caseOnly, "\"policia\""));

        var accentOnly = Q(QuestionKind.ShortAnswer, """{"accepted":["Policía"],"caseSensitive":false,"accentSensitive":true}""");
        Assert.Equal(2, Points(accentOnly, "\"POLICÍA\""));
        Assert.Equal(0, Points(accentOnly, "\"POLICIA\""));
    }

    [Fact]
    public void Numeric_within_an_absolute_tolerance()
    {
        var q = Q(QuestionKind.Numeric);
        Assert.Equal(2, Points(q, "9.81"));
        Assert.Equal(2, Points(q, "9.86"));
        Assert.Equal(2, Points(q, "\"9,76\""));
        Assert.Equal(0, Points(q, "9.87"));
        Assert.Equal(0, Points(q, "\"nine\""));
        var exact = Q(QuestionKind.Numeric, """{"value":-3}""");
        Assert.Equal(2, Points(exact, "-3.0"));
        Assert.Equal(0, Points(exact, "-3.01"));
    }

    [Fact]
    public void Matching_gives_credit_per_right_pair()
    {
        var q = Q(QuestionKind.Matching);
        Assert.Equal(2, Points(q, """{"l1":"r1","l2":"r2"}"""));
        Assert.Equal(1, Points(q, """{"l1":"r1","l2":"r3"}"""));
        Assert.Equal(1, Points(q, """{"l1":"r1"}"""));
        Assert.Equal(0, Points(q, """{"l1":"r2","l2":"r1"}"""));
    }

    [Fact]
    public void Ordering_gives_credit_per_item_in_its_right_position()
    {
        var q = Q(QuestionKind.Ordering, points: 3);
        Assert.Equal(3, Points(q, """["x","y","z"]"""));
        Assert.Equal(1, Points(q, """["x","z","y"]"""));
        Assert.Equal(0, Points(q, """["z","x","y"]"""));
    }

    [Fact]
    public void Essays_wait_for_an_instructor()
    {
        var q = Q(QuestionKind.Essay);
        Assert.Null(Points(q, "\"A long answer\""));
        var paper = new List<PaperQuestion> { q, Q(QuestionKind.TrueFalse) };
        var answers = new Dictionary<Guid, JsonElement> { [paper[1].Id] = JsonDocument.Parse("true").RootElement };
        var (score, max, complete) = QuizEngine.Total(paper, answers, new Dictionary<Guid, decimal>());
        Assert.Equal((2m, 4m, false), (score, max, complete));
        (score, max, complete) = QuizEngine.Total(paper, answers, new Dictionary<Guid, decimal> { [q.Id] = 1.5m });
        Assert.Equal((3.5m, 4m, true), (score, max, complete));
        Assert.Equal(87.5m, QuizEngine.Percent(score, max));
    }

    [Fact]
    public void Definitions_are_validated_with_field_errors()
    {
        Assert.Contains(Errors(QuestionKind.SingleChoice, "{\"choices\":[{\"id\":\"a\",\"text\":{\"en\":\"x\"},\"correct\":true}]}"), e => e.Field == "definition.choices" && e.Key == QuizMessages.ChoiceCount);
        Assert.Contains(Errors(QuestionKind.SingleChoice, """{"choices":[{"id":"a","text":{"en":"x"},"correct":true},{"id":"b","text":{"en":"y"},"correct":true}]}"""), e => e.Key == QuizMessages.OneCorrect);
        Assert.Contains(Errors(QuestionKind.MultipleChoice, """{"choices":[{"id":"a","text":{"en":"x"}},{"id":"b","text":{"en":"y"}}]}"""), e => e.Key == QuizMessages.SomeCorrect);
        Assert.Contains(Errors(QuestionKind.SingleChoice, """{"choices":[{"id":"a","text":{"en":"x"},"correct":true},{"id":"a","text":{"en":"y"}}]}"""), e => e.Field == "definition.choices[1].id" && e.Key == QuizMessages.DuplicateId);
        Assert.Contains(Errors(QuestionKind.SingleChoice, """{"choices":[{"id":"a b","text":{"en":"x"},"correct":true},{"id":"b","text":{}}]}"""), e => e.Field == "definition.choices[0].id");
        Assert.Contains(Errors(QuestionKind.SingleChoice, """{"choices":[{"id":"a","text":{"en":"x"},"correct":true},{"id":"b","text":{}}]}"""), e => e.Field == "definition.choices[1].text");
        Assert.Contains(Errors(QuestionKind.TrueFalse, "{}"), e => e.Field == "definition.correct");
        Assert.Contains(Errors(QuestionKind.ShortAnswer, """{"accepted":[" "]}"""), e => e.Field == "definition.accepted");
        Assert.Contains(Errors(QuestionKind.Numeric, """{"tolerance":1}"""), e => e.Field == "definition.value");
        Assert.Contains(Errors(QuestionKind.Numeric, """{"value":1,"tolerance":-1}"""), e => e.Field == "definition.tolerance");
        Assert.Contains(Errors(QuestionKind.Matching, """{"left":[{"id":"l1","text":{"en":"a"}},{"id":"l2","text":{"en":"b"}}],"right":[{"id":"r1","text":{"en":"c"}},{"id":"r2","text":{"en":"d"}}],"pairs":{"l1":"r9"}}"""),
            e => e.Field == "definition.pairs.l1" && e.Key == QuizMessages.PairUnknown);
        Assert.Contains(Errors(QuestionKind.Matching, """{"left":[{"id":"l1","text":{"en":"a"}},{"id":"l2","text":{"en":"b"}}],"right":[{"id":"r1","text":{"en":"c"}},{"id":"r2","text":{"en":"d"}}],"pairs":{"l1":"r1"}}"""),
            e => e.Field == "definition.pairs.l2" && e.Key == QuizMessages.PairMissing);
        Assert.Contains(Errors(QuestionKind.Ordering, """{"items":[{"id":"x","text":{"en":"a"}}]}"""), e => e.Field == "definition.items");
        Assert.Contains(Errors(QuestionKind.SingleChoice, "{not json"), e => e.Field == "definition" && e.Key == QuizMessages.Malformed);
        Assert.Contains(Errors(QuestionKind.SingleChoice, """{"choices":"a"}"""), e => e.Field == "definition");
        Assert.Empty(Errors(QuestionKind.Essay, "{}"));
        foreach (var (kind, json) in QuizWorld.Definitions) Assert.Empty(Errors(kind, json));
    }

    [Fact]
    public void A_saved_definition_keeps_only_the_kinds_fields()
    {
        var (d, _) = QuizEngine.ReadDefinition(QuestionKind.TrueFalse, """{"correct":false,"choices":[{"id":"a"}],"value":3}""");
        Assert.Equal("""{"correct":false}""", QuizEngine.Serialize(d!));
    }

    [Fact]
    public void Answers_are_checked_against_the_paper()
    {
        var paper = QuizWorld.Definitions.Keys.Select(k => Q(k)).ToList();
        var id = paper.ToDictionary(q => q.Kind, q => q.Id.ToString());
        (Dictionary<Guid, JsonElement>, List<QuizError>) Read(string json) => QuizEngine.ReadAnswers(paper, JsonDocument.Parse(json).RootElement);

        var (ok, none) = Read($$"""{"{{id[QuestionKind.SingleChoice]}}":"b","{{id[QuestionKind.MultipleChoice]}}":["a"],"{{id[QuestionKind.TrueFalse]}}":false,"{{id[QuestionKind.Numeric]}}":"3,5","{{id[QuestionKind.Matching]}}":{"l1":"r3"},"{{id[QuestionKind.Ordering]}}":["z","y","x"],"{{id[QuestionKind.Essay]}}":null}""");
        Assert.Empty(none);
        Assert.Equal(6, ok.Count);

        Assert.Contains(Read($$"""{"{{Guid.NewGuid()}}":"a"}""").Item2, e => e.Key == QuizMessages.UnknownQuestion);
        Assert.Contains(Read("""{"not-a-guid":"a"}""").Item2, e => e.Key == QuizMessages.UnknownQuestion);
        Assert.Contains(Read($$"""{"{{id[QuestionKind.SingleChoice]}}":["a"]}""").Item2, e => e.Key == QuizMessages.WrongType);
        Assert.Contains(Read($$"""{"{{id[QuestionKind.SingleChoice]}}":"zz"}""").Item2, e => e.Key == QuizMessages.UnknownChoice);
        Assert.Contains(Read($$"""{"{{id[QuestionKind.TrueFalse]}}":"yes"}""").Item2, e => e.Key == QuizMessages.WrongType);
        Assert.Contains(Read($$"""{"{{id[QuestionKind.Numeric]}}":"abc"}""").Item2, e => e.Key == QuizMessages.NotANumber);
        Assert.Contains(Read($$$"""{"{{{id[QuestionKind.Matching]}}}":{"l9":"r1"}}""").Item2, e => e.Key == QuizMessages.UnknownChoice);
        Assert.Contains(Read($$"""{"{{id[QuestionKind.Ordering]}}":["x","x","y"]}""").Item2, e => e.Key == QuizMessages.NotAPermutation);
        Assert.Contains(Read($$"""{"{{id[QuestionKind.Essay]}}":"{{new string('w', QuizEngine.MaxEssay + 1)}}"}""").Item2, e => e.Key == QuizMessages.TooLong);
        Assert.Contains(Read($$"""{"{{id[QuestionKind.Essay]}}":"{{new string('w', 1_000_000)}}"}""").Item2, e => e.Key == QuizMessages.AnswersTooLarge);
        Assert.Contains(Read("[1,2]").Item2, e => e.Field == "answers" && e.Key == QuizMessages.WrongType);
    }

    [Fact]
    public void Draws_respect_categories_are_reproducible_and_refuse_to_ask_too_much()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var available = new Dictionary<Guid, List<Guid>>
        {
            [a] = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList(),
            [b] = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList(),
        };
        var (drawn, errors) = QuizEngine.Draw([(a, 4), (b, 2)], available, 42);
        Assert.Empty(errors);
        Assert.Equal(6, drawn.Distinct().Count());
        Assert.Equal(4, drawn.Count(available[a].Contains));
        Assert.Equal(2, drawn.Count(available[b].Contains));
        Assert.Equal(drawn, QuizEngine.Draw([(a, 4), (b, 2)], available, 42).Drawn);
        // The bank's order does not matter, only its content and the seed.
        var shuffled = available.ToDictionary(x => x.Key, x => x.Value.AsEnumerable().Reverse().ToList());
        Assert.Equal(drawn, QuizEngine.Draw([(a, 4), (b, 2)], shuffled, 42).Drawn);
        var seeds = Enumerable.Range(0, 20).Select(s => string.Join(",", QuizEngine.Draw([(a, 4)], available, s).Drawn)).Distinct().Count();
        Assert.True(seeds > 1, "different seeds draw differently");

        var (_, tooMany) = QuizEngine.Draw([(a, 4), (b, 4)], available, 1);
        Assert.Contains(tooMany, e => e.Field == "draws[1].count" && e.Key == QuizMessages.NotEnoughQuestions);
        Assert.NotEmpty(QuizEngine.Draw([(Guid.NewGuid(), 1)], available, 1).Errors);
    }

    [Fact]
    public void Papers_shuffle_questions_and_choices_but_never_give_the_order_away()
    {
        var questions = QuizWorld.Definitions.Select(d => new Question { Kind = d.Key, Definition = d.Value, Prompt = LocalizedText.English(d.Key.ToString()) }).ToList();
        var orders = new HashSet<string>();
        for (var seed = 0; seed < 30; seed++)
        {
            var paper = QuizEngine.Paper(questions, shuffleQuestions: true, shuffleChoices: true, seed);
            Assert.Equal(questions.Select(q => q.Id).Order(), paper.Select(q => q.Id).Order());
            orders.Add(string.Join(",", paper.Select(q => q.Kind)));
            var ordering = paper.Single(q => q.Kind == QuestionKind.Ordering);
            Assert.NotEqual(new[] { "x", "y", "z" }, ordering.Order!);
            Assert.Equal(new[] { "x", "y", "z" }, ordering.Order!.Order());
            Assert.Equal(new[] { "a", "b", "c" }, paper.Single(q => q.Kind == QuestionKind.SingleChoice).Order!.Order());
            Assert.Equal(QuizEngine.SerializePaper(paper), QuizEngine.SerializePaper(QuizEngine.Paper(questions, true, true, seed)));
        }
        Assert.True(orders.Count > 5);
        var fixedPaper = QuizEngine.Paper(questions, shuffleQuestions: false, shuffleChoices: false, 7);
        Assert.Equal(questions.Select(q => q.Id), fixedPaper.Select(q => q.Id));
        Assert.Equal(new[] { "a", "b", "c", "d" }, fixedPaper.Single(q => q.Kind == QuestionKind.MultipleChoice).Order!);

        // A paper survives its JSON round trip.
        var back = QuizEngine.ReadPaper(QuizEngine.SerializePaper(fixedPaper));
        Assert.Equal(QuizEngine.SerializePaper(fixedPaper), QuizEngine.SerializePaper(back));
        Assert.Equal(2, QuizEngine.Points(back.Single(q => q.Kind == QuestionKind.Matching) with { Points = 2 }, JsonDocument.Parse("""{"l1":"r1","l2":"r2"}""").RootElement));
    }

    [Fact]
    public void Csv_cells_that_look_like_formulas_are_neutralised()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", GradebookService.Safe("=HYPERLINK(\"x\")"));
        Assert.Equal("'+1", GradebookService.Safe("+1"));
        Assert.Equal("'-1", GradebookService.Safe("-1"));
        Assert.Equal("'@SUM(A1)", GradebookService.Safe("@SUM(A1)"));
        Assert.Equal("María", GradebookService.Safe("María"));
    }
}
