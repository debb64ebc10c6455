using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;

namespace Hemisphere.Features.Directory;

/// <summary>
/// Institutions, as one document each in no particular language: their names are proper names,
/// matched without stemming. People are not indexed: their profiles are found in the directory
/// itself, where their visibility settings apply.
/// </summary>
public sealed class DirectorySearch : EntitySearchSource<Institution>
{
    public const string Source = "institution";

    public override string Name => Source;

    protected override IQueryable<Institution> Public(HemisphereDb db) => db.Institutions;

    protected override IEnumerable<SearchEntry> Entries(Institution i)
    {
        var title = string.IsNullOrWhiteSpace(i.Acronym) ? i.Name : $"{i.Name} ({i.Acronym})";
        yield return new SearchEntry(Source, i.Id, TextAnalysis.Neutral, Source, title, null, i.Description,
            $"/directory/institutions/{i.Id}", i.CreatedAt, null, i.CountryCode is { } c ? [c] : [], []);
    }
}
