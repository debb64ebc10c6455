using Hemisphere.Features.Academy.Curriculum;
using Hemisphere.Features.Portfolio;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>Staff write a course: its fields and completion rules, its modules, and new lessons in a module.</summary>
public sealed class CourseEditModel(CurriculumService curriculum, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty] public CourseForm Form { get; set; } = new();
    [BindProperty] public TextsForm ModuleTitle { get; set; } = new();
    [BindProperty] public LessonForm NewLesson { get; set; } = new();

    public CourseDto? Course { get; private set; }

    public sealed class TextsForm
    {
        public string? En { get; set; }
        public string? Es { get; set; }
        public string? Pt { get; set; }
        public string? Fr { get; set; }
        public Translations ToTranslations() => new(En, Es, Pt, Fr);
        public static TextsForm From(Translations t) => new() { En = t.En, Es = t.Es, Pt = t.Pt, Fr = t.Fr };
    }

    public sealed class CourseForm
    {
        public string? Code { get; set; }
        public TextsForm Title { get; set; } = new();
        public TextsForm Summary { get; set; } = new();
        public decimal? Hours { get; set; }
        public string Status { get; set; } = "draft";
        public bool RequireLessons { get; set; } = true;
        public bool RequireQuizzes { get; set; } = true;
        public bool RequireEssaysGraded { get; set; } = true;
        public int? MinimumAttendancePercent { get; set; }
        public string? Prerequisites { get; set; }
    }

    public sealed class LessonForm
    {
        public Guid? ModuleId { get; set; }
        public string Kind { get; set; } = "text";
        public TextsForm Title { get; set; } = new();
        public TextsForm Body { get; set; } = new();
        public string? VideoUrl { get; set; }
        public string? LinkUrl { get; set; }
        public Guid? QuizId { get; set; }
        public int? Minutes { get; set; }
        public bool Required { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(Actor)) return Actor.IsSignedIn ? Forbid() : Challenge();
        if (Slug is null) return Page();
        if (!await LoadAsync(ct)) return NotFound();
        var c = Course!;
        Form = new CourseForm
        {
            Code = c.Code,
            Title = TextsForm.From(c.TitleTranslations),
            Summary = TextsForm.From(c.SummaryTranslations),
            Hours = c.Hours,
            Status = AcademyCodes.Code(c.Status),
            RequireLessons = c.Completion.RequireLessons,
            RequireQuizzes = c.Completion.RequireQuizzes,
            RequireEssaysGraded = c.Completion.RequireEssaysGraded,
            MinimumAttendancePercent = c.Completion.MinimumAttendancePercent,
            Prerequisites = string.Join(", ", c.Prerequisites),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new CourseInput(Form.Code, null, Form.Title.ToTranslations(), Form.Summary.ToTranslations(), Form.Status, Form.Hours,
            Form.RequireLessons, Form.RequireQuizzes, Form.MinimumAttendancePercent, Form.RequireEssaysGraded,
            (Form.Prerequisites ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).ToList());
        var outcome = Slug is null ? await curriculum.CreateCourseAsync(Actor, input, ct) : await curriculum.UpdateCourseAsync(Actor, Slug, input, ct);
        var done = Handle(outcome, l["Common.Saved"], c => Redirect(c.Url + "/edit"), nameof(Form));
        if (done is not null) return done;
        if (Slug is not null) await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostModuleAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var done = Handle(await curriculum.AddModuleAsync(Actor, Course!.Id.ToString(), new ModuleInput(ModuleTitle.ToTranslations(), null), ct),
            l["Common.Saved"], _ => Redirect(Course.Url + "/edit"), nameof(ModuleTitle));
        return done ?? Page();
    }

    public async Task<IActionResult> OnPostLessonAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var input = new LessonInput(NewLesson.ModuleId, NewLesson.Kind, NewLesson.Title.ToTranslations(), NewLesson.Body.ToTranslations(),
            NewLesson.VideoUrl, NewLesson.LinkUrl, NewLesson.QuizId, NewLesson.Required, NewLesson.Minutes, null);
        var done = Handle(await curriculum.AddLessonAsync(Actor, Course!.Id.ToString(), input, ct), l["Common.Saved"], _ => Redirect(Course.Url + "/edit"), nameof(NewLesson));
        return done ?? Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Slug is null || await curriculum.CourseAsync(Actor, Slug, Language, ct) is not { } course) return false;
        Course = course;
        return true;
    }
}
