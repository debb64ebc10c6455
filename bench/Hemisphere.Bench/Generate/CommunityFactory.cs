using System.Globalization;
using System.Text;
using F = Hemisphere.Bench.Generate.ForumVocabulary;
using V = Hemisphere.Bench.Generate.LibraryVocabulary;

namespace Hemisphere.Bench.Generate;

/// <summary>A row of "AspNetUsers": a member numbered from 1, with no password (they sign in with their bearer token).</summary>
public sealed record UserRow(Guid Id, int Number, string Email, string DisplayName, string Language, DateTime CreatedAt, string SecurityStamp, string ConcurrencyStamp);

/// <summary>A row of "ForumCategories", with what its topics are written from; Members: numbers of the members of a private group.</summary>
public sealed record CategoryRow(Guid Id, string Slug, Bi Name, Bi Description, string Access, string? CountryCode, string? Theme, int Position,
    DateTime CreatedAt, LibraryTopic? Topic, Country? Country, double Weight, int[] Members);

/// <summary>
/// A row of "ForumTopics". Its posts are drawn from <see cref="Seed"/> (times, states, authors, ids) and
/// <see cref="TextSeed"/> (bodies), so PostCount and LastPostAt are computed from the same posts the COPY writes.
/// </summary>
public sealed record TopicRow(Guid Id, CategoryRow Category, string Title, int AuthorNumber, DateTime CreatedAt, DateTime LastPostAt, int PostCount,
    bool Pinned, bool Locked, int Posts, DateTime SpanEnd, string Language, LibraryContext Context, int Seed, int TextSeed);

/// <summary>A row of "ForumPosts" (Body written while copying).</summary>
public sealed record PostRow(Guid Id, Guid TopicId, int AuthorNumber, string State, DateTime CreatedAt, Guid? QuotedPostId, int? QuotedAuthorNumber);

/// <summary>A row of "ChatRooms" (all public); Members: numbers of its members ("ChatMembers"), the first its owner.</summary>
public sealed record ChatRoomRow(Guid Id, string Slug, string Name, string Description, DateTime CreatedAt, int[] Members);

public sealed record Community(List<UserRow> Users, List<CategoryRow> Categories, List<TopicRow> Topics, List<ChatRoomRow> Rooms);

/// <summary>
/// Members, forums and chat rooms. Members are named like the directory's people, in Spanish, English,
/// Portuguese or French. About thirty categories: the DPS networks, one per library subject, one per busy
/// member state, and four private groups whose members are drawn from the members. Posts per topic follow
/// a heavy-tailed distribution (most topics have a handful, a few thousands); each category's longest
/// topic is its pinned general conversation. Authors are drawn with a skew (some members write much more).
/// </summary>
public sealed class CommunityFactory(Random rng, IReadOnlyList<Country> countries, DateTime epoch, IReadOnlySet<string> takenCategorySlugs, IReadOnlySet<string> takenRoomSlugs)
{
    public const string FanoutRoomSlug = "bench-fanout";
    private static readonly DateTime FirstTopic = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public Community Create(int userCount, int topicCount, int postCount, int chatMembers)
    {
        var users = Users(userCount);
        var categories = Categories(users.Count);
        var topics = Topics(users, categories, topicCount, postCount);
        var rooms = Rooms(Math.Min(chatMembers, users.Count));
        return new Community(users, categories, topics, rooms);
    }

    private List<UserRow> Users(int count)
    {
        var languages = new Weighted<(string Lang, double W)>([("es", 55), ("en", 25), ("pt", 12), ("fr", 8)], x => x.W);
        var list = new List<UserRow>(count);
        for (var n = 1; n <= count; n++)
        {
            var language = languages.Next(rng).Lang;
            var created = FirstTopic.AddDays(-rng.Next(0, 400)).AddMinutes(rng.Next(24 * 60));
            var id = BenchIds.Create(created, rng);
            list.Add(new UserRow(id, n, BenchUsers.Email(n), Names.FullName(rng, language, rng.NextDouble() < 0.45), language, created,
                RandomGuid().ToString("N").ToUpperInvariant(), RandomGuid().ToString("D")));
        }
        return list;
    }

    private Guid RandomGuid()
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        return new Guid(b);
    }

    private LibraryTopic TopicOf(string key) => V.Topics.First(t => t.Key == key);

    private List<CategoryRow> Categories(int userCount)
    {
        var slugs = new HashSet<string>(takenCategorySlugs, StringComparer.Ordinal);
        string Slug(string s)
        {
            var slug = s;
            for (var n = 2; !slugs.Add(slug); n++) slug = $"{s}-{n}";
            return slug;
        }
        var list = new List<CategoryRow>();
        var position = 100;
        DateTime Created() => FirstTopic.AddDays(-rng.Next(1, 60));
        CategoryRow Add(string slug, Bi name, Bi description, string access, string? country, string? theme, LibraryTopic? topic, Country? place, double weight, int[] members)
        {
            var created = Created();
            var row = new CategoryRow(BenchIds.Create(created, rng), Slug(slug), name, description, access, country, theme, position++, created, topic, place, weight, members);
            list.Add(row);
            return row;
        }
        foreach (var n in F.Networks)
            Add(n.Slug, n.Name, n.Description, "Members", null, TopicOf(n.Topic).Themes[0], TopicOf(n.Topic), null, n.Weight, []);
        foreach (var t in V.Topics)
        {
            var subject = t.Subjects[0];
            Add("theme-" + t.Key, new Bi(Capital(Strip(subject.Es)), Capital(Strip(subject.En))),
                new Bi($"Conversaciones sobre {subject.Es}.", $"Conversations on {subject.En}."), "Members", null, t.Themes[0], t, null, t.Weight / 3, []);
        }
        foreach (var code in F.Countries)
        {
            if (countries.FirstOrDefault(c => c.Code == code) is not { } country) continue;
            Add("country-" + code.ToLowerInvariant(), new Bi(country.NameEs, country.NameEn),
                new Bi($"La red en {country.NameEs}.", $"The network in {country.NameEn}."), "Members", code, null, null, country,
                PortfolioVocabulary.CountryWeights.GetValueOrDefault(code, 2) / 2, []);
        }
        foreach (var g in F.Groups)
        {
            var members = Enumerable.Range(1, userCount).OrderBy(_ => rng.Next()).Take(Math.Min(g.Members, userCount)).Order().ToArray();
            if (members.Length == 0) continue;
            Add(g.Slug, g.Name, g.Description, "Private", null, TopicOf(g.Topic).Themes[0], TopicOf(g.Topic), null, 1, members);
        }
        return list;
    }

    private static string Strip(string subject) =>
        subject.StartsWith("la ", StringComparison.Ordinal) || subject.StartsWith("el ", StringComparison.Ordinal) ? subject[3..]
        : subject.StartsWith("los ", StringComparison.Ordinal) || subject.StartsWith("las ", StringComparison.Ordinal) ? subject[4..] : subject;

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private List<TopicRow> Topics(List<UserRow> users, List<CategoryRow> categories, int topicCount, int postCount)
    {
        if (topicCount == 0 || users.Count == 0 || categories.Count == 0) return [];
        postCount = Math.Max(postCount, topicCount);
        // Posts beyond each topic's first: heavy-tailed (Lomax, alpha 1.5), split so that they add up exactly.
        var weights = Enumerable.Range(0, topicCount).Select(_ => Math.Pow(1 - rng.NextDouble(), -1 / 1.5) - 1).ToArray();
        var extra = Weighted<int>.Split(Enumerable.Range(0, topicCount).ToList(), i => weights[i], postCount - topicCount).Select(x => x.Count).ToArray();
        var byCategory = new Weighted<CategoryRow>(categories, c => c.Weight);
        var places = new Weighted<Country>(countries, c => PortfolioVocabulary.CountryWeights.GetValueOrDefault(c.Code, 2));
        var topicsWeighted = new Weighted<LibraryTopic>(V.Topics, t => t.Weight);
        // More topics in later years, as the community grows.
        var span = (epoch - FirstTopic).TotalMinutes;
        var list = new List<TopicRow>(topicCount);
        var authors = Authors(users.Count);
        for (var i = 0; i < topicCount; i++)
        {
            var category = byCategory.Next(rng);
            var created = FirstTopic.AddMinutes(Math.Floor(span * Math.Sqrt(rng.NextDouble())));
            var country = category.Country ?? places.Next(rng);
            var topic = category.Topic ?? topicsWeighted.Next(rng);
            var language = country.Language switch
            {
                "es" => rng.NextDouble() < 0.85 ? "es" : "en",
                "en" => rng.NextDouble() < 0.8 ? "en" : "es",
                _ => rng.NextDouble() < 0.5 ? "es" : "en",
            };
            var context = new LibraryContext(country, country.Profile.Cities[rng.Next(country.Profile.Cities.Length)], Math.Max(2019, created.Year - rng.Next(0, 3)),
                V.Audiences[rng.Next(V.Audiences.Length)], topic.Subjects[rng.Next(topic.Subjects.Length)], topic, rng.NextDouble() < 0.4 ? topicsWeighted.Next(rng) : null);
            var posts = 1 + extra[i];
            // Replies every few hours on average (a long conversation spreads over years), never after the epoch.
            var hours = posts * (2 + 40 * rng.NextDouble());
            var end = created.AddHours(hours);
            if (end > epoch.AddMinutes(-1)) end = epoch.AddMinutes(-1);
            if (end <= created) end = created.AddMinutes(1);
            var author = category.Members.Length > 0 ? category.Members[rng.Next(category.Members.Length)] : authors.Next(rng);
            var pattern = F.Titles[rng.Next(F.Titles.Length)];
            var title = Capital(LibraryTexts.Fill(pattern.In(language), language, context, context.Subject, context.Audience,
                rng.Next(12, 240).ToString(CultureInfo.InvariantCulture), "", V.Partners[rng.Next(V.Partners.Length)]));
            if (title.Length > 200) title = title[..200];
            var seed = rng.Next();
            var row = new TopicRow(BenchIds.Create(created, rng), category, title, author, created, created, 0, false, rng.NextDouble() < 0.01, posts, end, language, context, seed, rng.Next());
            // Count what the posts will be: the visible ones and the last visible one's time.
            var visible = 0;
            var last = created;
            foreach (var p in PostSkeleton(row, users.Count))
            {
                if (p.State != "Visible") continue;
                visible++;
                last = p.CreatedAt;
            }
            list.Add(row with { PostCount = visible, LastPostAt = last });
        }
        // Each category's longest topic is its pinned general conversation, titled so.
        foreach (var group in list.Select((t, i) => (t, i)).GroupBy(x => x.t.Category.Id))
        {
            var (longest, index) = group.OrderByDescending(x => x.t.Posts).ThenBy(x => x.i).First();
            var pattern = F.PinnedTitles[index % F.PinnedTitles.Length];
            list[index] = longest with { Pinned = true, Locked = false, Title = pattern.In(longest.Language) };
        }
        return list;
    }

    /// <summary>Members write with a skew: member n in proportion to 1/n^0.7 (the first hundreds write most).</summary>
    private static Weighted<int> Authors(int userCount) => new(Enumerable.Range(1, userCount), n => 1 / Math.Pow(n, 0.7));

    /// <summary>
    /// The posts of a topic without their bodies, the same every time: the first by the topic's author at its
    /// creation, then replies at random intervals up to its span's end; 0.6% hidden, 0.3% held for approval;
    /// 3% quote an earlier visible post.
    /// </summary>
    public static IEnumerable<PostRow> PostSkeleton(TopicRow topic, int userCount)
    {
        var r = new Random(topic.Seed);
        var members = topic.Category.Members;
        var authors = members.Length > 0 ? null : AuthorsCache.For(userCount);
        var mean = (topic.SpanEnd - topic.CreatedAt).TotalSeconds / Math.Max(1, topic.Posts - 1);
        var at = topic.CreatedAt;
        var visible = new List<(Guid Id, int Author)>();
        for (var k = 0; k < topic.Posts; k++)
        {
            if (k > 0)
            {
                var next = at.AddSeconds(Math.Max(1, -Math.Log(1 - r.NextDouble()) * mean));
                at = next < topic.SpanEnd ? next : at.AddSeconds(1);
            }
            var roll = r.NextDouble();
            var state = k == 0 ? "Visible" : roll < 0.006 ? "Hidden" : roll < 0.009 ? "Pending" : "Visible";
            var author = k == 0 ? topic.AuthorNumber : members.Length > 0 ? members[r.Next(members.Length)] : authors!.Next(r);
            var id = BenchIds.Create(at, r);
            (Guid Id, int Author)? quoted = k > 0 && visible.Count > 0 && r.NextDouble() < 0.03 ? visible[r.Next(visible.Count)] : null;
            if (state == "Visible") visible.Add((id, author));
            yield return new PostRow(id, topic.Id, author, state, at, quoted?.Id, quoted?.Author);
        }
    }

    private static class AuthorsCache
    {
        private static readonly Dictionary<int, Weighted<int>> Cache = [];
        public static Weighted<int> For(int userCount)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(userCount, out var w)) Cache[userCount] = w = Authors(userCount);
                return w;
            }
        }
    }

    private List<ChatRoomRow> Rooms(int fanoutMembers)
    {
        var slugs = new HashSet<string>(takenRoomSlugs, StringComparer.Ordinal);
        string Slug(string s)
        {
            var slug = s;
            for (var n = 2; !slugs.Add(slug); n++) slug = $"{s}-{n}";
            return slug;
        }
        var created = epoch.AddDays(-rng.Next(30, 300));
        var rooms = new List<ChatRoomRow>
        {
            new(BenchIds.Create(created, rng), Slug(FanoutRoomSlug), "Sala general de la red / Network lobby",
                "Public room of every member of the networks (the benchmark's fan-out room).", created, Enumerable.Range(1, fanoutMembers).ToArray()),
        };
        for (var i = 0; i < 8; i++)
        {
            var topic = V.Topics[i % V.Topics.Length];
            var at = epoch.AddDays(-rng.Next(30, 300));
            rooms.Add(new ChatRoomRow(BenchIds.Create(at, rng), Slug($"bench-room-{i + 1:00}"), Capital(Strip(topic.Subjects[0].Es)) + " / " + Capital(topic.Subjects[0].En),
                "Public room on " + topic.Subjects[0].En + ".", at, []));
        }
        return rooms;
    }
}

/// <summary>Writes a post's Markdown body in its topic's language: an opener, sentences on the subject, a question, a closer.</summary>
public sealed class ForumTexts(Random rng, TopicRow topic, IReadOnlyList<UserRow> users)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string Body(PostRow post, bool first)
    {
        var lang = rng.NextDouble() < 0.92 ? topic.Language : topic.Language == "es" ? "en" : "es";
        var c = topic.Context;
        var sb = new StringBuilder(600);
        if (post.QuotedAuthorNumber is { } quoted && quoted >= 1 && quoted <= users.Count)
            sb.Append("> **").Append(users[quoted - 1].DisplayName).Append(":**\n> ").Append(Sentence(Pick(c.Topic.Sentences), lang)).Append("\n\n");
        if (!first && rng.NextDouble() < 0.4) sb.Append(Sentence(Pick(ForumVocabulary.Openers), lang)).Append(' ');
        var sentences = first ? rng.Next(3, 8) : rng.Next(1, 5);
        var list = rng.NextDouble() < 0.08;
        for (var s = 0; s < sentences; s++)
        {
            var roll = rng.NextDouble();
            var pool = roll < 0.6 ? c.Topic.Sentences : roll < 0.75 ? (c.Second ?? c.Topic).Sentences : LibraryVocabulary.General;
            var text = Sentence(Pick(pool), lang);
            if (list && s > 0) sb.Append("\n- ").Append(text);
            else if (first && s == 3) sb.Append("\n\n").Append(text);
            else sb.Append(s == 0 ? "" : " ").Append(text);
        }
        if (list) sb.Append('\n');
        if (rng.NextDouble() < (first ? 0.6 : 0.25)) sb.Append("\n\n**").Append(Sentence(Pick(ForumVocabulary.Questions), lang)).Append("**");
        if (rng.NextDouble() < 0.05) sb.Append("\n\n").Append(Sentence(Pick(ForumVocabulary.Links), lang));
        if (rng.NextDouble() < 0.3) sb.Append("\n\n").Append(Sentence(Pick(ForumVocabulary.Closers), lang));
        return sb.ToString().Trim();
    }

    private T Pick<T>(T[] items) => items[rng.Next(items.Length)];

    private string Sentence(Bi pattern, string lang)
    {
        var c = topic.Context;
        var audience = LibraryVocabulary.Audiences[rng.Next(LibraryVocabulary.Audiences.Length)];
        var subject = rng.NextDouble() < 0.7 ? c.Subject : c.Topic.Subjects[rng.Next(c.Topic.Subjects.Length)];
        var text = LibraryTexts.Fill(pattern.In(lang), lang, c, subject, audience, rng.Next(3, 480).ToString(Invariant), rng.Next(8, 66).ToString(Invariant),
            LibraryVocabulary.Partners[rng.Next(LibraryVocabulary.Partners.Length)]);
        return text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }
}
