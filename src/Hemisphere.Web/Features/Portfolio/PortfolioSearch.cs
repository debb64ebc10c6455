using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;

namespace Hemisphere.Features.Portfolio;

/// <summary>Published activities, one document per language their name is written in.</summary>
public sealed class PortfolioSearch : EntitySearchSource<Activity>
{
    public const string Source = "activity";

    public override string Name => Source;

    protected override IQueryable<Activity> Public(HemisphereDb db) => db.Activities.Where(a => a.Published);

    protected override IEnumerable<SearchEntry> Entries(Activity a)
    {
        foreach (var lang in a.Name.Languages())
        {
            var body = string.Join("\n", new[] { a.Objectives, a.ExpectedResults, a.AchievedResults, a.TargetBeneficiaries }.Select(t => t.For(lang))
                .Append(string.Join(", ", a.Donors.Concat(a.Partners))));
            yield return new SearchEntry(Source, a.Id, lang, Source, a.Name.For(lang), a.Summary.For(lang), body,
                $"/portfolio/activities/{a.Id}?lang={lang}", a.CreatedAt, a.StartDate?.Year, a.Countries, []);
        }
    }
}
