using System.Globalization;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Library.Pages;

/// <summary>
/// Writes a new item, or edits one: what applies to all versions, and the text in one language
/// (?in=es), which adds that translation when it does not exist yet.
/// </summary>
[Authorize]
public sealed class ItemEditModel(LibraryService library, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty(SupportsGet = true)] public string In { get; set; } = "";
    [BindProperty] public ItemForm Form { get; set; } = new();

    public LibraryItemDto? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        In = Languages.IsSupported(In) ? In : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (Slug is null) return LibraryPolicy.CanCreate(User.Actor()) ? Page() : Forbid();
        var entity = await library.FindAsync(Slug, ct);
        if (entity is null || library.Describe(User.Actor(), entity, In) is not { } item) return NotFound();
        if (!LibraryPolicy.CanEdit(User.Actor(), entity)) return Forbid();
        Existing = item;
        Form = ItemForm.From(item, item.Version.Language == In ? item.Version : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        In = Languages.Normalize(In);
        var actor = User.Actor();
        var tags = FormLists.Split(Form.Tags).Cast<string?>().ToList();
        var authors = FormLists.Split(Form.Authors).Cast<string?>().ToList();
        var countries = FormLists.Split(Form.Countries).Cast<string?>().ToList();
        var themes = Form.Themes.Cast<string?>().ToList();
        if (Slug is null)
        {
            var created = await library.CreateAsync(actor, new LibraryItemInput(Form.Kind, In, Form.Title, Form.Summary, Form.Body, authors, null, countries, themes, tags, Form.PublishedOn, Form.VideoUrl, null), ct);
            return await this.SaveResultAsync(created, l["Common.Saved"], i => "/library/" + i.Slug, "Form.", () => Task.CompletedTask);
        }
        var entity = await library.FindAsync(Slug, ct);
        if (entity is null || library.Describe(actor, entity, In) is not { } item) return NotFound();
        Existing = item;
        var meta = await library.UpdateMetadataAsync(actor, item.Id, new LibraryMetadataInput(Form.Kind, authors, item.InstitutionId, countries, themes, tags, Form.PublishedOn, Form.VideoUrl), ct);
        if (!meta.IsOk) return await this.SaveResultAsync(meta, "", i => "/library/" + i.Slug, "Form.", () => Task.CompletedTask);
        var text = await library.SaveVersionAsync(actor, item.Id, new LibraryVersionInput(In, Form.Title, Form.Summary, Form.Body), ct);
        return await this.SaveResultAsync(text, l["Common.Saved"], i => $"/library/{i.Slug}?lang={In}", "Form.", () => Task.CompletedTask);
    }

    public sealed class ItemForm
    {
        public string? Kind { get; set; } = "publication";
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Body { get; set; }
        public string? Authors { get; set; }
        public string? Countries { get; set; }
        public List<string> Themes { get; set; } = [];
        public string? Tags { get; set; }
        public DateOnly? PublishedOn { get; set; }
        public string? VideoUrl { get; set; }

        public static ItemForm From(LibraryItemDto item, LibraryVersionDto? version) => new()
        {
            Kind = item.Kind,
            Title = version?.Title,
            Summary = version?.Summary,
            Body = version?.Body,
            Authors = string.Join(", ", item.Authors),
            Countries = string.Join(", ", item.Countries),
            Themes = [.. item.Themes],
            Tags = string.Join(", ", item.Tags),
            PublishedOn = item.PublishedOn,
            VideoUrl = item.VideoUrl,
        };
    }
}
