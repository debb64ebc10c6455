using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes;

public static class QuizzesApi
{
    public static void MapQuizzesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/academy").WithTags("Academy quizzes").RequireRateLimiting(ApiSetup.ApiPolicy).RequireAuthorization();

        // ---------- Question bank (staff) ----------
        api.MapGet("/courses/{courseId:guid}/question-categories", async (Guid courseId, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.CategoriesAsync(http.User.Actor(), courseId, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("The categories of a course's question bank, with their number of questions in use.").Produces<IReadOnlyList<CategoryDto>>().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/courses/{courseId:guid}/question-categories", async (Guid courseId, CategoryInput input, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.CreateCategoryAsync(http.User.Actor(), courseId, input, ct)).ToResult(l, x => TypedResults.Created($"/api/v1/academy/question-categories/{x.Id}", x)))
            .Produces<CategoryDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/question-categories/{id:guid}", async (Guid id, CategoryInput input, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.RenameCategoryAsync(http.User.Actor(), id, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .Produces<CategoryDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/question-categories/{id:guid}", async (Guid id, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.DeleteCategoryAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Deletes an empty category no quiz draws from (409 otherwise).").Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/courses/{courseId:guid}/questions", async (Guid courseId, Guid? categoryId, bool? includeRetired, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.QuestionsAsync(http.User.Actor(), courseId, categoryId, includeRetired ?? false, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("The questions of a course's bank (optionally of one category; retired ones with includeRetired=true).").Produces<IReadOnlyList<QuestionDto>>().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/courses/{courseId:guid}/questions", async (Guid courseId, QuestionInput input, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.CreateQuestionAsync(http.User.Actor(), courseId, input, ct)).ToResult(l, x => TypedResults.Created($"/api/v1/academy/questions/{x.Id}", x)))
            .WithSummary("Adds a question: kind (singleChoice, multipleChoice, trueFalse, shortAnswer, numeric, matching, ordering, essay) and the kind's definition object.")
            .Produces<QuestionDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/questions/{id:guid}", async (Guid id, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.QuestionAsync(http.User.Actor(), id, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .Produces<QuestionDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/questions/{id:guid}", async (Guid id, QuestionInput input, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.UpdateQuestionAsync(http.User.Actor(), id, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Replaces a question; attempts already started keep their copy.").Produces<QuestionDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/questions/{id:guid}/retire", async (Guid id, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.RetireQuestionAsync(http.User.Actor(), id, true, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Retires a question: no longer drawn.").Produces<QuestionDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/questions/{id:guid}/restore", async (Guid id, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.RetireQuestionAsync(http.User.Actor(), id, false, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .Produces<QuestionDto>().ProducesProblem(403).ProducesProblem(404);

        // ---------- Quizzes (staff) ----------
        api.MapGet("/courses/{courseId:guid}/quizzes", async (Guid courseId, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.QuizzesAsync(http.User.Actor(), courseId, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .Produces<IReadOnlyList<QuizDto>>().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/courses/{courseId:guid}/quizzes", async (Guid courseId, QuizInput input, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.CreateQuizAsync(http.User.Actor(), courseId, input, ct)).ToResult(l, x => TypedResults.Created($"/api/v1/academy/quizzes/{x.Id}", x)))
            .WithSummary("Adds a quiz: draws (categoryId, count) — never more than a category holds — time limit, attempts, passing percent, shuffling, feedback timing (afterSubmission, afterLastAttempt, never).")
            .Produces<QuizDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/quizzes/{id:guid}", async (Guid id, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.QuizAsync(http.User.Actor(), id, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("A quiz's settings, for its authors. Learners read /quizzes/{id}/me.").Produces<QuizDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/quizzes/{id:guid}", async (Guid id, QuizInput input, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.UpdateQuizAsync(http.User.Actor(), id, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .Produces<QuizDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/quizzes/{id:guid}", async (Guid id, HttpContext http, QuizBankService bank, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await bank.DeleteQuizAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .WithSummary("Deletes a quiz nobody attempted and no lesson uses (409 otherwise).").Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        // ---------- Taking a quiz (enrolled learners) ----------
        api.MapGet("/quizzes/{id:guid}/me", async (Guid id, HttpContext http, QuizAttemptService quizzes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await quizzes.OverviewAsync(http.User.Actor(), id, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("The quiz as the signed-in learner sees it: settings, their attempts, attempts left, the open attempt.").Produces<QuizOverviewDto>().ProducesProblem(404);
        api.MapPost("/quizzes/{id:guid}/attempts", async (Guid id, HttpContext http, QuizAttemptService quizzes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await quizzes.StartAsync(http.User.Actor(), id, ct)).ToResult(l, x => x.Created
                ? TypedResults.Created($"/api/v1/academy/attempts/{x.Attempt.Id}", x.Attempt)
                : TypedResults.Ok(x.Attempt)))
            .WithSummary("Starts an attempt (201), or answers the open one (200) with its paper and saved answers. 409 when no attempt is left.")
            .Produces<AttemptDto>(201).Produces<AttemptDto>().ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/attempts/{id:guid}", async (Guid id, HttpContext http, QuizAttemptService quizzes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await quizzes.GetAsync(http.User.Actor(), id, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("An attempt: its paper and answers; once submitted, the score and — when the quiz's feedback timing allows — right answers and feedback. Its learner, the edition's instructors and staff only.")
            .Produces<AttemptDto>().ProducesProblem(404);
        api.MapPut("/attempts/{id:guid}/answers", async (Guid id, AnswersInput input, HttpContext http, QuizAttemptService quizzes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await quizzes.SaveAsync(http.User.Actor(), id, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Saves the answers so far ({ answers: { questionId: answer } }, replacing the saved ones). 409 once submitted or past the deadline.")
            .Produces<SavedDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/attempts/{id:guid}/submit", async (Guid id, SubmitInput? input, HttpContext http, QuizAttemptService quizzes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await quizzes.SubmitAsync(http.User.Actor(), id, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Submits the attempt (optionally with its final answers). Idempotent: a repeated submission answers the same result. 409 past the deadline.")
            .Produces<AttemptDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        // ---------- Gradebook (the edition's instructors, staff) ----------
        api.MapGet("/editions/{id:guid}/gradebook", async (Guid id, HttpContext http, GradebookService book, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await book.GradebookAsync(http.User.Actor(), id, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Every enrolled learner against every quiz of the course: attempts, best and last percent, passed, essays awaiting a grade, the course grade.")
            .Produces<GradebookDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/editions/{id:guid}/gradebook.csv", async (Guid id, HttpContext http, GradebookService book, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var outcome = await book.GradebookAsync(http.User.Actor(), id, ct);
            if (!outcome.IsOk) return outcome.ToResult(l, _ => TypedResults.NoContent());
            var buffer = new MemoryStream();
            await GradebookService.WriteCsvAsync(buffer, outcome.Value!, l);
            return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"gradebook-{id:N}.csv");
        }).WithSummary("The gradebook as CSV (UTF-8 with BOM).").Produces(200, contentType: "text/csv").ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/attempts/{id:guid}/grades/{questionId:guid}", async (Guid id, Guid questionId, QuestionGradeInput input, HttpContext http, GradebookService book, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await book.GradeQuestionAsync(http.User.Actor(), id, questionId, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Grades a question of a submitted attempt (an essay): points between 0 and the question's points, and a comment.")
            .Produces<AttemptDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPut("/editions/{id:guid}/gradebook/{enrolmentId:guid}/grade", async (Guid id, Guid enrolmentId, GradeOverrideInput input, HttpContext http, GradebookService book, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await book.OverrideGradeAsync(http.User.Actor(), id, enrolmentId, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Overrides a learner's course grade (0–100) with a reason; audited.").Produces<EnrolmentGradeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/editions/{id:guid}/gradebook/{enrolmentId:guid}/grade", async (Guid id, Guid enrolmentId, HttpContext http, GradebookService book, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await book.ClearOverrideAsync(http.User.Actor(), id, enrolmentId, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Removes an override: the grade comes from the quizzes again.").Produces<EnrolmentGradeDto>().ProducesProblem(403).ProducesProblem(404);
    }
}
