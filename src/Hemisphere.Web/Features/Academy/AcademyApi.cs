using System.Globalization;
using Hemisphere.Features.Academy.Curriculum;
using Hemisphere.Features.Academy.Editions;
using Hemisphere.Features.Academy.Enrolments;
using Hemisphere.Features.Library;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy;

/// <summary>/api/v1/academy: the curriculum, editions with sessions and attendance, learners and enrolments.</summary>
public static class AcademyApi
{
    public static void MapAcademyApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/academy").WithTags("Academy").RequireRateLimiting(ApiSetup.ApiPolicy);
        MapCurriculum(api);
        MapEditions(api);
        MapEnrolments(api);
    }

    private static string Lang() => Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    private static void MapCurriculum(RouteGroupBuilder api)
    {
        api.MapGet("/programmes", async (HttpContext http, CurriculumService c, CancellationToken ct) => TypedResults.Ok(await c.ProgrammesAsync(http.User.Actor(), Lang(), ct)))
            .WithSummary("The programmes of the curriculum with their (visible) courses in order.");
        api.MapGet("/programmes/{key}", async (string key, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await c.ProgrammeAsync(http.User.Actor(), key, Lang(), ct) is { } p ? Results.Ok(p) : l.Problem(404, "Problem.NotFound"))
            .Produces<ProgrammeDto>().ProducesProblem(404);
        api.MapPost("/programmes", async (ProgrammeInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.SaveProgrammeAsync(http.User.Actor(), null, input, ct)).ToResult(l, p => TypedResults.Created($"/api/v1/academy/programmes/{p.Id}", p)))
            .RequireAuthorization().WithSummary("Creates a programme (staff): kind onSiteCourse | trainTheTrainer | thematic, title, summary, course ids in order.")
            .Produces<ProgrammeDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapPut("/programmes/{key}", async (string key, ProgrammeInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.SaveProgrammeAsync(http.User.Actor(), key, input, ct)).ToResult(l, p => TypedResults.Ok(p)))
            .RequireAuthorization().Produces<ProgrammeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapGet("/courses", async (string? q, string? status, int? page, int? pageSize, HttpContext http, CurriculumService c, CancellationToken ct) =>
            TypedResults.Ok(await c.CoursesAsync(http.User.Actor(), q, status, Lang(), PageRequest.From(page, pageSize), ct)))
            .WithSummary("Published courses (staff also see drafts and archived ones; status= filters), by code and version.");
        api.MapGet("/courses/{key}", async (string key, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await c.CourseAsync(http.User.Actor(), key, Lang(), ct) is { } course ? Results.Ok(course) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("A course by id or slug: its outline (modules and lessons), completion rules and prerequisites.").Produces<CourseDto>().ProducesProblem(404);
        api.MapPost("/courses", async (CourseInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.CreateCourseAsync(http.User.Actor(), input, ct)).ToResult(l, course => TypedResults.Created($"/api/v1/academy/courses/{course.Id}", course)))
            .RequireAuthorization().WithSummary("Creates a course (staff). code (e.g. POL-101) is fixed for all its versions.")
            .Produces<CourseDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapPut("/courses/{key}", async (string key, CourseInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.UpdateCourseAsync(http.User.Actor(), key, input, ct)).ToResult(l, course => TypedResults.Ok(course)))
            .RequireAuthorization().Produces<CourseDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/courses/{key}/versions", async (string key, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.NewVersionAsync(http.User.Actor(), key, ct)).ToResult(l, course => TypedResults.Created($"/api/v1/academy/courses/{course.Id}", course)))
            .RequireAuthorization().WithSummary("Copies the course into its next version, a draft; editions and learners of the old version are untouched.")
            .Produces<CourseDto>(201).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/courses/{key}/modules", async (string key, ModuleInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.AddModuleAsync(http.User.Actor(), key, input, ct)).ToResult(l, m => TypedResults.Created($"/api/v1/academy/modules/{m.Id}", m)))
            .RequireAuthorization().Produces<ModuleDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/modules/{id:guid}", async (Guid id, ModuleInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.UpdateModuleAsync(http.User.Actor(), id, input, ct)).ToResult(l, m => TypedResults.Ok(m)))
            .RequireAuthorization().Produces<ModuleDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/modules/{id:guid}", async (Guid id, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.DeleteModuleAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().WithSummary("Deletes an empty module.").Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/courses/{key}/lessons", async (string key, LessonInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.AddLessonAsync(http.User.Actor(), key, input, ct)).ToResult(l, x => TypedResults.Created($"/api/v1/academy/lessons/{x.Id}", x)))
            .RequireAuthorization().WithSummary("Adds a lesson to a module: kind text | video | file | link | quiz (with quizId).")
            .Produces<LessonSummaryDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/lessons/{id:guid}", async (Guid id, HttpContext http, LearningService learning, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await learning.ReadAsync(http.User.Actor(), id, Lang(), ct) is { } lesson ? Results.Ok(lesson) : l.Problem(404, "Problem.NotFound"))
            .RequireAuthorization().WithSummary("A lesson for an enrolled learner (records the view: progress), its edition's instructors and staff; 404 for anyone else.")
            .Produces<LessonDto>().ProducesProblem(404);
        api.MapPut("/lessons/{id:guid}", async (Guid id, LessonInput input, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.UpdateLessonAsync(http.User.Actor(), id, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .RequireAuthorization().Produces<LessonSummaryDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/lessons/{id:guid}", async (Guid id, HttpContext http, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await c.DeleteLessonAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/lessons/{id:guid}/file", (Guid id, HttpRequest request, CurriculumService c, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Uploads.WithFileAsync(request, l, async (file, _, stream) =>
                (await c.AttachFileAsync(request.HttpContext.User.Actor(), id, stream, file.FileName, ct)).ToResult(l, f => TypedResults.Created(f.Url, f)), ct))
          .RequireAuthorization().WithSummary("Sets the lesson's file (multipart/form-data, field file); its type is read from its content.")
          .AcceptsUpload()
          .Produces<LessonFileDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(415);
    }

    private static void MapEditions(RouteGroupBuilder api)
    {
        api.MapGet("/courses/{key}/editions", async (string key, HttpContext http, CurriculumService c, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await c.FindCourseAsync(http.User.Actor(), key, ct) is { } course ? Results.Ok(await editions.ForCourseAsync(http.User.Actor(), course.Id, Lang(), ct)) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("The editions of a course (on-site, self-paced, cohort) with seats taken and whether enrolment is open.")
            .Produces<IReadOnlyList<EditionDto>>().ProducesProblem(404);
        api.MapGet("/editions/{id:guid}", async (Guid id, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await editions.GetAsync(http.User.Actor(), id, Lang(), ct) is { } e ? Results.Ok(e) : l.Problem(404, "Problem.NotFound"))
            .Produces<EditionDto>().ProducesProblem(404);
        api.MapPost("/editions", async (EditionInput input, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await editions.CreateAsync(http.User.Actor(), input, ct)).ToResult(l, e => TypedResults.Created($"/api/v1/academy/editions/{e.Id}", e)))
            .RequireAuthorization().WithSummary("Creates an edition (staff): mode onSite (venue, dates, seats) | selfPaced (enrolment window) | cohort (dates; gets a private forum category).")
            .Produces<EditionDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapPut("/editions/{id:guid}", async (Guid id, EditionInput input, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await editions.UpdateAsync(http.User.Actor(), id, input, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().Produces<EditionDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/editions/{id:guid}/sessions", async (Guid id, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await editions.SessionsAsync(http.User.Actor(), id, ct)).ToResult(l, s => TypedResults.Ok(s)))
            .Produces<IReadOnlyList<SessionDto>>().ProducesProblem(404);
        api.MapPost("/editions/{id:guid}/sessions", async (Guid id, SessionInput input, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await editions.AddSessionAsync(http.User.Actor(), id, input, ct)).ToResult(l, s => TypedResults.Created($"/api/v1/academy/sessions/{s.Id}/attendance", s)))
            .RequireAuthorization().WithSummary("Adds a session; start and end are local times of the edition's time zone (e.g. 2027-03-10T09:00).")
            .Produces<SessionDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/sessions/{id:guid}", async (Guid id, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await editions.DeleteSessionAsync(http.User.Actor(), id, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/sessions/{id:guid}/attendance", async (Guid id, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await editions.AttendanceAsync(http.User.Actor(), id, ct)).ToResult(l, s => TypedResults.Ok(s)))
            .RequireAuthorization().WithSummary("The attendance sheet (instructors of the edition and staff).").Produces<AttendanceSheetDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/sessions/{id:guid}/attendance", async (Guid id, AttendanceInput input, HttpContext http, EditionService editions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await editions.RecordAttendanceAsync(http.User.Actor(), id, input, ct)).ToResult(l, s => TypedResults.Ok(s)))
            .RequireAuthorization().WithSummary("Records marks (present | late | excused | absent) for enrolments of the edition: all or none.")
            .Produces<AttendanceSheetDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }

    private static void MapEnrolments(RouteGroupBuilder api)
    {
        api.MapPost("/editions/{id:guid}/enrol", async (Guid id, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await enrolments.EnrolSelfAsync(http.User.Actor(), id, ct)).ToResult(l, e => TypedResults.Created($"/api/v1/academy/enrolments/{e.Id}", e)))
            .RequireAuthorization().WithSummary("The caller enrols themself where the edition allows it: enrolled, waitlisted when full, or pending their institution's approval.")
            .Produces<EnrolmentDto>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/editions/{id:guid}/enrolments", async (Guid id, string? status, int? page, int? pageSize, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await enrolments.RosterAsync(http.User.Actor(), id, status, Lang(), PageRequest.From(page, pageSize, 50), ct)).ToResult(l, p => TypedResults.Ok(p)))
            .RequireAuthorization().WithSummary("The roster: staff and the edition's instructors see everyone, institution managers their own officers.")
            .Produces<Page<EnrolmentDto>>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/enrolments", async (EnrolInput input, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await enrolments.EnrolOtherAsync(http.User.Actor(), input, EnrolmentSource.Api, ct)).ToResult(l, e => TypedResults.Created($"/api/v1/academy/enrolments/{e.Id}", e)))
            .RequireAuthorization().WithSummary("An institution manager (or staff) enrols one of their officers: learner by id, or by e-mail / national id, name, country and institution (recorded when new).")
            .Produces<EnrolmentDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/enrolments/pending", async (HttpContext http, EnrolmentService enrolments, CancellationToken ct) =>
            TypedResults.Ok(await enrolments.PendingAsync(http.User.Actor(), Lang(), ct)))
            .RequireAuthorization().WithSummary("Self-enrolments waiting for the caller's approval (their institutions' officers).");
        api.MapGet("/enrolments/{id:guid}", async (Guid id, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await enrolments.GetAsync(http.User.Actor(), id, Lang(), ct) is { } e ? Results.Ok(e) : l.Problem(404, "Problem.NotFound"))
            .RequireAuthorization().Produces<EnrolmentDto>().ProducesProblem(404);
        api.MapGet("/enrolments/{id:guid}/progress", async (Guid id, HttpContext http, EnrolmentService enrolments, ProgressService progress, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await enrolments.GetAsync(http.User.Actor(), id, Lang(), ct) is not null && await progress.ComputeAsync(id, ct) is { } p ? Results.Ok(p) : l.Problem(404, "Problem.NotFound"))
            .RequireAuthorization().WithSummary("Progress against the course's completion rules.").Produces<ProgressDto>().ProducesProblem(404);
        api.MapPost("/enrolments/{id:guid}/approve", async (Guid id, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await enrolments.ApproveAsync(http.User.Actor(), id, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().Produces<EnrolmentDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/enrolments/{id:guid}/reject", async (Guid id, DecisionInput? input, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await enrolments.RejectAsync(http.User.Actor(), id, input?.Reason, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().Produces<EnrolmentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/enrolments/{id:guid}/withdraw", async (Guid id, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await enrolments.WithdrawAsync(http.User.Actor(), id, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().WithSummary("Withdraws (the learner, their manager or staff); a freed seat goes to the first on the waiting list.")
            .Produces<EnrolmentDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/me/courses", async (HttpContext http, EnrolmentService enrolments, CancellationToken ct) =>
            TypedResults.Ok(await enrolments.MineAsync(http.User.Actor(), Lang(), ct)))
            .RequireAuthorization().WithSummary("The caller's enrolments with the next step and where they stopped.");
        api.MapGet("/learners", async ([AsParameters] LearnerQuery query, HttpContext http, EnrolmentService enrolments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await enrolments.LearnersAsync(http.User.Actor(), query, ct)).ToResult(l, p => TypedResults.Ok(p)))
            .RequireAuthorization().WithSummary("Officers the caller manages (their institutions or countries; staff: all).")
            .Produces<Page<LearnerDto>>().ProducesProblem(403).ProducesProblem(404);
    }
}
