using Hemisphere.Features.Library;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Interventions;

/// <summary>Published catalogue entries, one document per language the entry is named in.</summary>
public sealed class InterventionsSearch : EntitySearchSource<Intervention>
{
    public const string Source = "intervention";

    public override string Name => Source;

    protected override IQueryable<Intervention> Public(HemisphereDb db) =>
        db.Interventions.Include(i => i.Implementations).AsSplitQuery().Where(i => i.Status == InterventionStatus.Published);

    protected override IEnumerable<SearchEntry> Entries(Intervention i)
    {
        var countries = i.Implementations.Select(m => m.CountryCode).Distinct().ToList();
        var themes = i.Themes.Select(LibraryThemes.Normalise).OfType<string>().Distinct().ToList();
        foreach (var lang in i.Name.Languages())
        {
            var body = string.Join("\n", new[] { i.Goals, i.Mechanism, i.Components, i.Implementation, i.RatingRationale }
                .Select(t => t.For(lang)).Append(string.Join(", ", i.Aliases.Concat(i.CrimeProblems))));
            yield return new SearchEntry(Source, i.Id, lang, Source, i.Name.For(lang), i.Summary.For(lang), body,
                $"/interventions/{i.Slug}?lang={lang}", i.CreatedAt, i.RatingReviewedOn.Year, countries, themes);
        }
    }
}
