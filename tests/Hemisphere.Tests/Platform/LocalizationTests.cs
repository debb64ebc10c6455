using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hemisphere.Features.Directory;
using Hemisphere.Features.Interventions;
using Hemisphere.Features.Library;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Notifications;

namespace Hemisphere.Tests.Platform;

/// <summary>Every text the site shows exists in English, Spanish, Portuguese and French.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string SourceRoot = FindSourceRoot();

    private static string FindSourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hemisphere.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found"), "src", "Hemisphere.Web");
    }

    private static Dictionary<string, string> Load(string suffix)
    {
        var file = Path.Combine(SourceRoot, "Resources", $"SharedResource{suffix}.resx");
        Assert.True(File.Exists(file), "Missing resource file " + file);
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");
    }

    public static TheoryData<string> Languages => new() { ".es", ".pt", ".fr" };

    [Theory, MemberData(nameof(Languages))]
    public void Each_language_has_exactly_the_keys_of_English_with_the_same_placeholders(string suffix)
    {
        var english = Load("");
        var other = Load(suffix);
        Assert.Empty(english.Keys.Except(other.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(other.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
        foreach (var (key, value) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(other[key]), $"{key} is empty in {suffix}");
            Assert.Equal(Placeholders(value), Placeholders(other[key]));
        }
    }

    [Fact]
    public void Every_key_the_code_uses_exists()
    {
        var english = Load("");
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in KeyUse().Matches(text))
            {
                if (!m.Groups["key"].Value.EndsWith('.')) used.Add(m.Groups["key"].Value);
                if (m.Groups["key2"].Success) used.Add(m.Groups["key2"].Value);
            }
        }
        // Keys built from enum values.
        foreach (var k in Enum.GetValues<InstitutionKind>()) used.Add("Kind." + k);
        foreach (var v in Enum.GetValues<ProfileVisibility>()) used.Add("Visibility." + v);
        foreach (var r in Enum.GetValues<HemisphereRole>()) used.Add("Role." + r.Name());
        foreach (var s in Enum.GetValues<MembershipStatus>())
        {
            used.Add("Membership.InSentence." + s);
            used.Add("Membership." + DirectoryService.StatusName(s));
        }
        foreach (var c in Enum.GetValues<MembershipChange>()) used.Add("MembershipChange." + char.ToLowerInvariant(c.ToString()[0]) + c.ToString()[1..]);
        foreach (var r in Enum.GetValues<EvidenceRating>())
        {
            used.Add(InterventionCodes.RatingKey(r));
            used.Add(InterventionCodes.RatingDescriptionKey(r));
        }
        foreach (var a in Enum.GetValues<PreventionArea>()) used.Add(InterventionCodes.AreaKey(a));
        foreach (var v in InterventionVocabulary.Population.Concat(InterventionVocabulary.Settings).Concat(InterventionVocabulary.Localities)) used.Add(InterventionCodes.ValueKey(v));
        foreach (var k in Enum.GetValues<InterventionKind>()) used.Add("Interventions.Kind." + InterventionCodes.Code(k));
        foreach (var s in Enum.GetValues<InterventionStatus>()) used.Add("Interventions.Status." + InterventionCodes.Code(s));
        foreach (var c in Enum.GetValues<PreventionContinuum>()) used.Add("Interventions.Continuum." + InterventionCodes.Code(c));
        foreach (var f in Enum.GetValues<PreventionFocus>()) used.Add("Interventions.Focus." + InterventionCodes.Code(f));
        foreach (var q in Enum.GetValues<EvidenceQuality>()) used.Add("Interventions.Quality." + InterventionCodes.Code(q));
        foreach (var d in Enum.GetValues<StudyDesign>()) used.Add("Interventions.Design." + InterventionCodes.Code(d));
        foreach (var d in Enum.GetValues<EffectDirection>()) used.Add("Interventions.Direction." + InterventionCodes.Code(d));
        foreach (var k in new[] { "Goals", "Eligibility", "Mechanism", "Components", "Dosage", "Implementation", "Staffing", "Moderators" }) used.Add("Interventions." + k);
        foreach (var k in Enum.GetValues<LibraryKind>()) { used.Add("Library.Kind." + k.Slug()); used.Add("Library.Kinds." + k.Slug()); used.Add("Search.Kind." + k.Slug()); }
        foreach (var st in Enum.GetValues<LibraryStatus>()) used.Add("Library.Status." + st.Slug());
        foreach (var t in LibraryThemes.All) used.Add("Theme." + t);
        foreach (var k in new[] { "intervention", "institution", "activity", "topic" }) used.Add("Search.Kind." + k);
        foreach (var k in Enum.GetValues<Hemisphere.Features.Community.Chat.ChatRoomKind>()) used.Add("Chat.Kind." + Hemisphere.Features.Community.Chat.ChatNames.Slug(k));
        foreach (var k in new[] { "intervention", "institution", "activity" }) used.Add("Search.Kind." + k);
        foreach (var f in new[] { "kind", "language", "country", "theme", "year" }) used.Add("Search.Facet." + f);
        foreach (var r in Hemisphere.Features.Community.Forums.ForumLimits.Reactions) used.Add("Forums.Reaction." + r);
        foreach (var k in NotificationKinds.All) used.Add(NotificationKinds.LabelKey(k));
        foreach (var d in Enum.GetValues<NotificationDelivery>()) used.Add("Notifications.Delivery." + NotificationKinds.Code(d));
        foreach (var x in Enum.GetValues<Hemisphere.Features.Academy.EnrolmentStatus>()) used.Add("Academy.Enrolment." + Hemisphere.Features.Academy.AcademyCodes.Code(x));
        foreach (var x in Enum.GetValues<Hemisphere.Features.Academy.LessonKind>()) used.Add("Academy.LessonKind." + Hemisphere.Features.Academy.AcademyCodes.Code(x));
        foreach (var x in Enum.GetValues<Hemisphere.Features.Academy.AttendanceMark>()) used.Add("Academy.Mark." + Hemisphere.Features.Academy.AcademyCodes.Code(x));
        foreach (var x in Enum.GetValues<Hemisphere.Features.Academy.EditionMode>()) used.Add("Academy.Mode." + Hemisphere.Features.Academy.AcademyCodes.Code(x));
        foreach (var x in Enum.GetValues<Hemisphere.Features.Academy.FeedbackTiming>()) used.Add("Quiz.Feedback." + Hemisphere.Features.Academy.AcademyCodes.Code(x));
        foreach (var x in Enum.GetValues<Hemisphere.Features.Academy.CourseStatus>()) used.Add("Academy.Status." + Hemisphere.Features.Academy.AcademyCodes.Code(x));
        foreach (var k in Enum.GetValues<Hemisphere.Features.Academy.QuestionKind>()) used.Add("Quiz.Kind." + k);
        foreach (var st in Enum.GetValues<Hemisphere.Features.Academy.AttemptState>()) used.Add("Quiz.State." + st);
        foreach (var k in Hemisphere.Features.Academy.Quizzes.QuizMessages.All) used.Add(k);
        foreach (var s in new[] { "valid", "revoked", "superseded", "unknown" }) used.Add("Certificates.Status." + s);
        foreach (var s in Hemisphere.Features.Academy.Certificates.Badges.BadgeStatus.All) used.Add("Badges.Status." + s);
        foreach (var c in Hemisphere.Features.Academy.Certificates.Badges.BadgeChecks.All) used.Add("Badges.Check." + c);
        foreach (var x in Enum.GetValues<Hemisphere.Features.Academy.Accreditation.AccreditationStatus>()) used.Add("Accreditation.Status." + Hemisphere.Features.Academy.AcademyCodes.Code(x));
        Assert.True(used.Count > 100, "the key scan found too little: " + used.Count);
        var missing = used.Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Keys used in code but missing from SharedResource.resx: " + string.Join(", ", missing));
    }

    private static string Placeholders(string text) => string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex("""(?:\bL|\bl|localizer)\["(?<key>[A-Za-z0-9_.]+)"|ErrorMessage = "(?<key>[A-Za-z0-9_.]+)"|\.Add\("[A-Za-z.\[\]0-9]*", "(?<key>[A-Z][A-Za-z0-9_.]+)"|Problem\(\d+, "(?<key>[A-Za-z0-9_.]+)"|\("(?<key>(?:Error|Problem)\.[A-Za-z.]+)", "(?<key2>[A-Za-z.]+)"\)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
