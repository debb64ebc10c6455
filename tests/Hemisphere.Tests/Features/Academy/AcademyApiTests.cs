using System.Net;
using System.Net.Http.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy;

[Collection(AppsCollection.Name)]
public sealed class AcademyApiTests(Apps apps)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>A published course with one module of two text lessons (staff client), and the course's JSON.</summary>
    internal static async Task<(string Id, string Slug, string Module, string[] Lessons)> PublishedCourseAsync(HttpClient staff, string code, int lessons = 2, int? minimumAttendance = null)
    {
        var created = await staff.PostAsJsonAsync("/api/v1/academy/courses", new
        {
            code,
            title = new { en = "Crime scene management " + code, es = "Manejo de la escena del crimen " + code },
            summary = new { en = "Preserving evidence." },
            hours = 12.5m,
            minimumAttendancePercent = minimumAttendance,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var course = await created.JsonAsync();
        var id = course.GetProperty("id").GetString()!;
        var module = (await (await staff.PostAsJsonAsync($"/api/v1/academy/courses/{id}/modules", new { title = new { en = "Module 1", es = "Módulo 1" } })).JsonAsync()).GetProperty("id").GetString()!;
        var ids = new List<string>();
        for (var i = 1; i <= lessons; i++)
        {
            var lesson = await staff.PostAsJsonAsync($"/api/v1/academy/courses/{id}/lessons", new
            {
                moduleId = module,
                kind = "text",
                title = new { en = $"Lesson {i}", es = $"Lección {i}" },
                body = new { en = $"# Lesson {i}\n\nSecure the perimeter.", es = $"# Lección {i}\n\nAsegure el perímetro." },
                minutes = 10,
            });
            Assert.Equal(HttpStatusCode.Created, lesson.StatusCode);
            ids.Add((await lesson.JsonAsync()).GetProperty("id").GetString()!);
        }
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/v1/academy/courses/{id}", new { title = new { en = "Crime scene management " + code, es = "Manejo de la escena del crimen " + code }, status = "published" })).StatusCode);
        return (id, course.GetProperty("slug").GetString()!, module, ids.ToArray());
    }

    internal static async Task<string> EditionAsync(HttpClient staff, string courseId, string mode = "selfPaced", int? seats = null, bool approval = false, Guid[]? instructors = null)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/academy/editions", new
        {
            courseId,
            name = "Edition " + Tag(),
            mode,
            language = "es",
            venue = mode == "onSite" ? "Academia Nacional de Policía" : null,
            city = "Tegucigalpa",
            countryCode = "HN",
            timeZone = "America/Tegucigalpa",
            startsOn = mode == "selfPaced" ? null : "2026-03-01",
            endsOn = mode == "selfPaced" ? null : "2099-03-30",
            seats,
            selfEnrolment = true,
            requiresApproval = approval,
            instructors,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Theory, BothProviders]
    public async Task A_learner_enrols_reads_every_lesson_and_completes_the_course_once(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await PublishedCourseAsync(staff, "CSI-" + Tag());
        var edition = await EditionAsync(staff, course.Id);

        // The outline is public; the lessons are not.
        var anonymous = app.CreateClient();
        var outline = await (await anonymous.GetAsync($"/api/v1/academy/courses/{course.Slug}?lang=es")).JsonAsync();
        Assert.StartsWith("Manejo de la escena", outline.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, outline.GetProperty("modules")[0].GetProperty("lessons").GetArrayLength());
        var user = await app.CreateUserAsync(HemisphereRole.Learner);
        var learner = await app.ClientForAsync(user);
        await (await learner.GetAsync($"/api/v1/academy/lessons/{course.Lessons[0]}")).ProblemAsync(HttpStatusCode.NotFound);

        var enrolled = await learner.PostAsync($"/api/v1/academy/editions/{edition}/enrol", null);
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var enrolment = await enrolled.JsonAsync();
        Assert.Equal("enrolled", enrolment.GetProperty("status").GetString());
        var id = enrolment.GetProperty("id").GetString();
        await (await learner.PostAsync($"/api/v1/academy/editions/{edition}/enrol", null)).ProblemAsync(HttpStatusCode.Conflict);

        var mine = await (await learner.GetAsync("/api/v1/academy/me/courses")).JsonAsync();
        Assert.Equal($"/academy/lessons/{course.Lessons[0]}", mine[0].GetProperty("nextUrl").GetString());

        var lesson = await (await learner.GetAsync($"/api/v1/academy/lessons/{course.Lessons[0]}?lang=es")).JsonAsync();
        Assert.Contains("<h1", lesson.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Contains("Asegure el perímetro", lesson.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(course.Lessons[1], lesson.GetProperty("nextLessonId").GetString());
        var progress = await (await learner.GetAsync($"/api/v1/academy/enrolments/{id}/progress")).JsonAsync();
        Assert.Equal(50, progress.GetProperty("percent").GetInt32());
        Assert.False(progress.GetProperty("complete").GetBoolean());

        // The last lesson, opened twice at once: one completion, one event.
        await Task.WhenAll(learner.GetAsync($"/api/v1/academy/lessons/{course.Lessons[1]}"), learner.GetAsync($"/api/v1/academy/lessons/{course.Lessons[1]}"));
        var done = await (await learner.GetAsync($"/api/v1/academy/enrolments/{id}")).JsonAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progressPercent").GetInt32());
        var enrolmentId = Guid.Parse(id!);
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == CourseCompleted.Kind && m.Payload.Contains(enrolmentId.ToString()))));
        await app.WaitForOutboxDrainedAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id && n.Kind == "academy.completed")));

        // Another learner cannot see this enrolment.
        var other = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await other.GetAsync($"/api/v1/academy/enrolments/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/v1/academy/enrolments/{id}/withdraw", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, BothProviders]
    public async Task Seats_fill_then_a_waiting_list_forms_and_a_withdrawal_frees_the_seat_for_the_first_waiting(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await PublishedCourseAsync(staff, "SEAT-" + Tag(), lessons: 1);
        var edition = await EditionAsync(staff, course.Id, seats: 1);
        var users = new[] { await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync() };
        var clients = new List<HttpClient>();
        foreach (var u in users) clients.Add(await app.ClientForAsync(u));

        var first = await (await clients[0].PostAsync($"/api/v1/academy/editions/{edition}/enrol", null)).JsonAsync();
        var second = await (await clients[1].PostAsync($"/api/v1/academy/editions/{edition}/enrol", null)).JsonAsync();
        var third = await (await clients[2].PostAsync($"/api/v1/academy/editions/{edition}/enrol", null)).JsonAsync();
        Assert.Equal("enrolled", first.GetProperty("status").GetString());
        Assert.Equal("waitlisted", second.GetProperty("status").GetString());
        Assert.Equal(1, second.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(2, third.GetProperty("waitlistPosition").GetInt32());

        var withdrawn = await clients[0].PostAsync($"/api/v1/academy/enrolments/{first.GetProperty("id").GetString()}/withdraw", null);
        Assert.Equal("withdrawn", (await withdrawn.JsonAsync()).GetProperty("status").GetString());
        var promoted = await (await clients[1].GetAsync($"/api/v1/academy/enrolments/{second.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal("enrolled", promoted.GetProperty("status").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == users[1].Id && n.Kind == "academy.enrolment")));
        var still = await (await clients[2].GetAsync($"/api/v1/academy/enrolments/{third.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal(1, still.GetProperty("waitlistPosition").GetInt32());
        var e = await (await staff.GetAsync($"/api/v1/academy/editions/{edition}")).JsonAsync();
        Assert.Equal(1, e.GetProperty("enrolled").GetInt32());
        Assert.Equal(1, e.GetProperty("waitlisted").GetInt32());
    }

    [Theory, BothProviders]
    public async Task Managers_enrol_see_and_approve_only_their_own_institutions_officers(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await PublishedCourseAsync(staff, "MGR-" + Tag(), lessons: 1);
        var edition = await EditionAsync(staff, course.Id, approval: true);
        var a = await app.AddInstitutionAsync("HN");
        var b = await app.AddInstitutionAsync("HN");
        var managerA = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: a.Id);
        var managerB = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: b.Id);

        // A's manager records and enrols an officer of A (no approval needed from a manager) …
        var officer = await app.CreateUserAsync();
        var enrolled = await managerA.PostAsJsonAsync("/api/v1/academy/enrolments", new { editionId = edition, learner = new { email = officer.Email, name = "Ana Pérez", countryCode = "hn", institutionId = a.Id } });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var enrolment = await enrolled.JsonAsync();
        Assert.Equal("enrolled", enrolment.GetProperty("status").GetString());
        // … but not one of B.
        var refused = await managerA.PostAsJsonAsync("/api/v1/academy/enrolments", new { editionId = edition, learner = new { nationalId = "0801-1990-" + Tag(), name = "Luis Mejía", countryCode = "HN", institutionId = b.Id } });
        await refused.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Learners.AnyAsync(x => x.FullName == "Luis Mejía" && x.InstitutionId == b.Id)));

        // The officer's account was linked by its confirmed e-mail: they see their course.
        var officerClient = await app.ClientForAsync(officer);
        var mine = await (await officerClient.GetAsync("/api/v1/academy/me/courses")).JsonAsync();
        Assert.Equal(course.Id, mine[0].GetProperty("enrolment").GetProperty("courseId").GetString());

        // Lists are scoped: B's manager sees nothing of A, and asking for A explicitly is a 404.
        var listA = await (await managerA.GetAsync("/api/v1/academy/learners")).JsonAsync();
        Assert.Equal(1, listA.GetProperty("total").GetInt32());
        var listB = await (await managerB.GetAsync("/api/v1/academy/learners")).JsonAsync();
        Assert.Equal(0, listB.GetProperty("total").GetInt32());
        await (await managerB.GetAsync($"/api/v1/academy/learners?institution={a.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await managerB.GetAsync($"/api/v1/academy/enrolments/{enrolment.GetProperty("id").GetString()}")).ProblemAsync(HttpStatusCode.NotFound);
        var rosterB = await (await managerB.GetAsync($"/api/v1/academy/editions/{edition}/enrolments")).JsonAsync();
        Assert.Equal(0, rosterB.GetProperty("total").GetInt32());
        await (await (await app.ClientForRoleAsync(HemisphereRole.Learner)).GetAsync("/api/v1/academy/learners")).ProblemAsync(HttpStatusCode.Forbidden);

        // A self-enrolment waits for the learner's own manager.
        var selfUser = await app.CreateUserAsync();
        await managerA.PostAsJsonAsync("/api/v1/academy/enrolments", new { editionId = await EditionAsync(staff, course.Id), learner = new { email = selfUser.Email, name = "Carla Ruiz", countryCode = "HN", institutionId = a.Id } });
        var self = await (await (await app.ClientForAsync(selfUser)).PostAsync($"/api/v1/academy/editions/{edition}/enrol", null)).JsonAsync();
        Assert.Equal("pendingApproval", self.GetProperty("status").GetString());
        var pendingId = self.GetProperty("id").GetString();
        await (await managerB.PostAsync($"/api/v1/academy/enrolments/{pendingId}/approve", null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await managerB.GetAsync("/api/v1/academy/enrolments/pending")).JsonAsync()).EnumerateArray());
        Assert.Single((await (await managerA.GetAsync("/api/v1/academy/enrolments/pending")).JsonAsync()).EnumerateArray());
        var approved = await (await managerA.PostAsync($"/api/v1/academy/enrolments/{pendingId}/approve", null)).JsonAsync();
        Assert.Equal("enrolled", approved.GetProperty("status").GetString());
        await (await managerA.PostAsync($"/api/v1/academy/enrolments/{pendingId}/approve", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, BothProviders]
    public async Task Instructors_take_attendance_and_the_minimum_attendance_completes_an_on_site_course(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await PublishedCourseAsync(staff, "ONS-" + Tag(), lessons: 1, minimumAttendance: 50);
        var instructor = await app.CreateUserAsync(HemisphereRole.Instructor, country: "HN");
        var edition = await EditionAsync(staff, course.Id, mode: "onSite", seats: 30, instructors: [instructor.Id]);
        var teacher = await app.ClientForAsync(instructor);
        var s1 = await teacher.PostAsJsonAsync($"/api/v1/academy/editions/{edition}/sessions", new { start = "2026-03-02T08:00", end = "2026-03-02T12:00", title = "Día 1" });
        Assert.Equal(HttpStatusCode.Created, s1.StatusCode);
        var session1 = await s1.JsonAsync();
        Assert.Equal("2026-03-02T08:00", session1.GetProperty("localStart").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero), session1.GetProperty("startsAt").GetDateTimeOffset()); // Tegucigalpa is UTC−6
        var session2 = await (await teacher.PostAsJsonAsync($"/api/v1/academy/editions/{edition}/sessions", new { start = "2026-03-03T08:00", end = "2026-03-03T12:00" })).JsonAsync();
        (await (await teacher.PostAsJsonAsync($"/api/v1/academy/editions/{edition}/sessions", new { start = "2026-03-03T12:00", end = "2026-03-03T08:00" })).ValidationProblemAsync("end")).ToString();

        var user = await app.CreateUserAsync();
        var learner = await app.ClientForAsync(user);
        var enrolment = (await (await learner.PostAsync($"/api/v1/academy/editions/{edition}/enrol", null)).JsonAsync()).GetProperty("id").GetString()!;
        await learner.GetAsync($"/api/v1/academy/lessons/{course.Lessons[0]}");
        Assert.Equal("enrolled", (await (await learner.GetAsync($"/api/v1/academy/enrolments/{enrolment}")).JsonAsync()).GetProperty("status").GetString());

        // Another instructor, the learner, and a bad mark are refused; nothing is written.
        var stranger = await app.ClientForRoleAsync(HemisphereRole.Instructor, country: "HN");
        var marks = new { marks = new[] { new { enrolmentId = enrolment, mark = "present" } } };
        await (await stranger.PutAsJsonAsync($"/api/v1/academy/sessions/{session1.GetProperty("id").GetString()}/attendance", marks)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.PutAsJsonAsync($"/api/v1/academy/sessions/{session1.GetProperty("id").GetString()}/attendance", marks)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await teacher.PutAsJsonAsync($"/api/v1/academy/sessions/{session1.GetProperty("id").GetString()}/attendance",
            new { marks = new[] { new { enrolmentId = enrolment, mark = "sleeping" } } })).ValidationProblemAsync("marks[0].mark");
        Assert.Equal(0, await app.WithDbAsync(db => db.Attendances.CountAsync(a => a.EnrolmentId == Guid.Parse(enrolment))));

        var sheet = await (await teacher.PutAsJsonAsync($"/api/v1/academy/sessions/{session1.GetProperty("id").GetString()}/attendance", marks)).JsonAsync();
        Assert.Equal("present", sheet.GetProperty("rows")[0].GetProperty("mark").GetString());
        Assert.Equal(50, sheet.GetProperty("rows")[0].GetProperty("attendancePercent").GetInt32());
        var status = (await (await learner.GetAsync($"/api/v1/academy/enrolments/{enrolment}")).JsonAsync()).GetProperty("status").GetString();
        Assert.Equal("completed", status);
        await (await teacher.DeleteAsync($"/api/v1/academy/sessions/{session1.GetProperty("id").GetString()}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await teacher.DeleteAsync($"/api/v1/academy/sessions/{session2.GetProperty("id").GetString()}")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Bad_course_input_is_refused_field_by_field_and_only_staff_write(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var code = "BAD-" + Tag();
        var bad = await staff.PostAsJsonAsync("/api/v1/academy/courses", new { code = "1 bad code", title = new { en = "" }, hours = -1, minimumAttendancePercent = 140, prerequisites = new[] { "NOPE-999" } });
        var problem = await bad.ValidationProblemAsync("code");
        foreach (var field in new[] { "title", "hours", "minimumAttendancePercent", "prerequisites" }) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        var wrongType = await staff.PostAsync("/api/v1/academy/courses", new StringContent("{\"code\": 5, \"title\": []}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await learner.PostAsJsonAsync("/api/v1/academy/courses", new { code, title = new { en = "Mine" } })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Courses.AnyAsync(c => c.Code == code || c.Code == "1 BAD CODE")));

        // Drafts are invisible to everyone but staff.
        var draft = await (await staff.PostAsJsonAsync("/api/v1/academy/courses", new { code, title = new { en = "Draft course" } })).JsonAsync();
        await (await app.CreateClient().GetAsync($"/api/v1/academy/courses/{draft.GetProperty("slug").GetString()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await learner.PostAsJsonAsync($"/api/v1/academy/courses/{draft.GetProperty("id").GetString()}/modules", new { title = new { en = "M" } })).ProblemAsync(HttpStatusCode.NotFound);
        var lesson = await staff.PostAsJsonAsync($"/api/v1/academy/courses/{draft.GetProperty("id").GetString()}/lessons", new { moduleId = Guid.NewGuid(), kind = "video", title = new { en = "V" }, videoUrl = "https://evil.example/v" });
        var lessonProblem = await lesson.ValidationProblemAsync("moduleId");
        Assert.True(lessonProblem.GetProperty("errors").TryGetProperty("videoUrl", out _));
    }

    [Theory, BothProviders]
    public async Task A_new_version_copies_the_course_and_leaves_the_old_versions_learners_alone(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await PublishedCourseAsync(staff, "VER-" + Tag());
        var edition = await EditionAsync(staff, course.Id);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var enrolment = (await (await learner.PostAsync($"/api/v1/academy/editions/{edition}/enrol", null)).JsonAsync()).GetProperty("id").GetString();

        var copied = await staff.PostAsync($"/api/v1/academy/courses/{course.Slug}/versions", null);
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        var v2 = await copied.JsonAsync();
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal("draft", v2.GetProperty("status").GetString());
        Assert.Equal(course.Id, v2.GetProperty("previousVersionId").GetString());
        Assert.Equal(2, v2.GetProperty("modules")[0].GetProperty("lessons").GetArrayLength());
        Assert.NotEqual(course.Lessons[0], v2.GetProperty("modules")[0].GetProperty("lessons")[0].GetProperty("id").GetString());

        var after = await (await learner.GetAsync($"/api/v1/academy/enrolments/{enrolment}")).JsonAsync();
        Assert.Equal(course.Id, after.GetProperty("courseId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/api/v1/academy/lessons/{course.Lessons[0]}")).StatusCode);
        await (await learner.GetAsync($"/api/v1/academy/lessons/{v2.GetProperty("modules")[0].GetProperty("lessons")[0].GetProperty("id").GetString()}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
