using Hemisphere.Features.Academy.Curriculum;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>Staff change a lesson: its texts, media, position, or delete it; and upload its file.</summary>
public sealed class LessonEditModel(CurriculumService curriculum, LearningService learning, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public CourseEditModel.LessonForm Form { get; set; } = new();
    [BindProperty] public int? Position { get; set; }

    public LessonDto Lesson { get; private set; } = null!;
    public CourseDto Course { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null) return loaded;
        var x = Lesson;
        Form = new CourseEditModel.LessonForm
        {
            ModuleId = x.ModuleId,
            Kind = AcademyCodes.Code(x.Kind),
            Title = CourseEditModel.TextsForm.From(x.TitleTranslations),
            Body = CourseEditModel.TextsForm.From(x.BodyTranslations),
            VideoUrl = x.VideoUrl,
            LinkUrl = x.LinkUrl,
            QuizId = x.QuizId,
            Minutes = x.Minutes,
            Required = x.Required,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null) return loaded;
        var input = new LessonInput(Form.ModuleId, Form.Kind, Form.Title.ToTranslations(), Form.Body.ToTranslations(), Form.VideoUrl ?? "", Form.LinkUrl ?? "",
            Form.QuizId, Form.Required, Form.Minutes, Position);
        return Handle(await curriculum.UpdateLessonAsync(Actor, Id, input, ct), l["Common.Saved"], _ => Redirect(Course.Url + "/edit"), nameof(Form)) ?? Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null) return loaded;
        return Handle(await curriculum.DeleteLessonAsync(Actor, Id, ct), l["Common.Deleted"], _ => Redirect(Course.Url + "/edit")) ?? Page();
    }

    public async Task<IActionResult> OnPostFileAsync(IFormFile? file, CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null) return loaded;
        if (file is null)
        {
            ModelState.AddModelError("file", l["Validation.Required"]);
            return Page();
        }
        await using var stream = file.OpenReadStream();
        return Handle(await curriculum.AttachFileAsync(Actor, Id, stream, file.FileName, ct), l["Common.Saved"], _ => Redirect($"/academy/lessons/{Id}/edit")) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(Actor)) return Actor.IsSignedIn ? Forbid() : Challenge();
        if (await learning.ReadAsync(Actor, Id, Language, ct) is not { } lesson) return NotFound();
        Lesson = lesson;
        Course = (await curriculum.CourseAsync(Actor, lesson.CourseId.ToString(), Language, ct))!;
        return null;
    }
}
