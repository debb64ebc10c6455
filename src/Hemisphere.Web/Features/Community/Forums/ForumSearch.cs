using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Community.Forums;

/// <summary>
/// Topics of the categories open to every member, one document each (title, and the text of its
/// visible posts), found by signed-in members only. Private categories are never indexed.
/// </summary>
public sealed class ForumSearch(HemisphereDb db) : EntitySearchSource<ForumTopic>
{
    public const string Source = "forum";
    private const int MaxPosts = 200;

    public override string Name => Source;

    protected override IQueryable<ForumTopic> Public(HemisphereDb context) =>
        context.ForumTopics.Where(t => !t.Hidden && t.MergedIntoId == null
            && context.ForumCategories.Any(c => c.Id == t.CategoryId && c.Access == CategoryAccess.Members));

    protected override IEnumerable<SearchEntry> Entries(ForumTopic topic)
    {
        var posts = db.ForumPosts.AsNoTracking().Where(p => p.TopicId == topic.Id && p.State == PostState.Visible)
            .OrderBy(p => p.CreatedAt).Take(MaxPosts).Select(p => p.Body).ToList();
        var category = db.ForumCategories.AsNoTracking().First(c => c.Id == topic.CategoryId);
        var text = string.Join("\n\n", posts.Select(RichText.ToPlainText));
        var language = TextAnalysis.GuessLanguage(topic.Title + "\n" + text);
        yield return new SearchEntry(Source, topic.Id, language, "topic", topic.Title, null, text, $"/forums/topics/{topic.Id}",
            topic.CreatedAt, topic.CreatedAt.Year, category.CountryCode is { } c ? [c] : [], category.Theme is { } t ? [t] : [], SearchAudience.Members);
    }
}
