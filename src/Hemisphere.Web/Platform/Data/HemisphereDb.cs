using Hemisphere.Features.Directory;
using Hemisphere.Features.Interventions;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Outbox;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Data;

/// <summary>
/// The one unit of work of Hemisphere. Each provider has its own subclass so that each keeps
/// its own migrations (see docs/decisions/0002-migrations-per-provider.md).
/// </summary>
public abstract class HemisphereDb(DbContextOptions options)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    public abstract DatabaseProvider Provider { get; }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Search.SearchDocument> SearchDocuments => Set<Search.SearchDocument>();
    public DbSet<Search.SearchFacet> SearchFacets => Set<Search.SearchFacet>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();
    public DbSet<Notifications.NotificationDigestState> NotificationDigestStates => Set<Notifications.NotificationDigestState>();
    public DbSet<Notifications.UsedUnsubscribeToken> UsedUnsubscribeTokens => Set<Notifications.UsedUnsubscribeToken>();

    public DbSet<MemberState> MemberStates => Set<MemberState>();
    public DbSet<MembershipEvent> MembershipEvents => Set<MembershipEvent>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<QualityCertification> QualityCertifications => Set<QualityCertification>();
    public DbSet<Person> People => Set<Person>();

    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Features.Library.LibraryItem> LibraryItems => Set<Features.Library.LibraryItem>();
    public DbSet<Features.Library.LibraryVersion> LibraryVersions => Set<Features.Library.LibraryVersion>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<InterventionStudy> InterventionStudies => Set<InterventionStudy>();
    public DbSet<InterventionOutcome> InterventionOutcomes => Set<InterventionOutcome>();
    public DbSet<ExternalRating> ExternalRatings => Set<ExternalRating>();
    public DbSet<InterventionImplementation> InterventionImplementations => Set<InterventionImplementation>();

    public DbSet<Features.Community.Forums.ForumCategory> ForumCategories => Set<Features.Community.Forums.ForumCategory>();
    public DbSet<Features.Community.Forums.ForumCategoryMember> ForumCategoryMembers => Set<Features.Community.Forums.ForumCategoryMember>();
    public DbSet<Features.Community.Forums.ForumTopic> ForumTopics => Set<Features.Community.Forums.ForumTopic>();
    public DbSet<Features.Community.Forums.ForumPost> ForumPosts => Set<Features.Community.Forums.ForumPost>();
    public DbSet<Features.Community.Forums.ForumPostRevision> ForumPostRevisions => Set<Features.Community.Forums.ForumPostRevision>();
    public DbSet<Features.Community.Forums.ForumReaction> ForumReactions => Set<Features.Community.Forums.ForumReaction>();
    public DbSet<Features.Community.Forums.ForumReadState> ForumReadStates => Set<Features.Community.Forums.ForumReadState>();
    public DbSet<Features.Community.Forums.ForumFollow> ForumFollows => Set<Features.Community.Forums.ForumFollow>();
    public DbSet<Features.Community.Forums.ForumFlag> ForumFlags => Set<Features.Community.Forums.ForumFlag>();
    public DbSet<Features.Community.Forums.ForumSilence> ForumSilences => Set<Features.Community.Forums.ForumSilence>();
    public DbSet<Features.Community.Chat.ChatRoom> ChatRooms => Set<Features.Community.Chat.ChatRoom>();
    public DbSet<Features.Community.Chat.ChatMember> ChatMembers => Set<Features.Community.Chat.ChatMember>();
    public DbSet<Features.Community.Chat.ChatMessage> ChatMessages => Set<Features.Community.Chat.ChatMessage>();

    public DbSet<Features.Academy.AcademyProgramme> AcademyProgrammes => Set<Features.Academy.AcademyProgramme>();
    public DbSet<Features.Academy.ProgrammeCourse> ProgrammeCourses => Set<Features.Academy.ProgrammeCourse>();
    public DbSet<Features.Academy.Course> Courses => Set<Features.Academy.Course>();
    public DbSet<Features.Academy.CoursePrerequisite> CoursePrerequisites => Set<Features.Academy.CoursePrerequisite>();
    public DbSet<Features.Academy.CourseModule> CourseModules => Set<Features.Academy.CourseModule>();
    public DbSet<Features.Academy.Lesson> Lessons => Set<Features.Academy.Lesson>();
    public DbSet<Features.Academy.Edition> Editions => Set<Features.Academy.Edition>();
    public DbSet<Features.Academy.EditionInstructor> EditionInstructors => Set<Features.Academy.EditionInstructor>();
    public DbSet<Features.Academy.EditionSession> EditionSessions => Set<Features.Academy.EditionSession>();
    public DbSet<Features.Academy.Attendance> Attendances => Set<Features.Academy.Attendance>();
    public DbSet<Features.Academy.Learner> Learners => Set<Features.Academy.Learner>();
    public DbSet<Features.Academy.Enrolment> Enrolments => Set<Features.Academy.Enrolment>();
    public DbSet<Features.Academy.Certificates.Certificate> Certificates => Set<Features.Academy.Certificates.Certificate>();
    public DbSet<Features.Academy.LessonView> LessonViews => Set<Features.Academy.LessonView>();
    public DbSet<Features.Academy.EnrolmentImport> EnrolmentImports => Set<Features.Academy.EnrolmentImport>();
    public DbSet<Features.Academy.QuestionCategory> QuestionCategories => Set<Features.Academy.QuestionCategory>();
    public DbSet<Features.Academy.Question> Questions => Set<Features.Academy.Question>();
    public DbSet<Features.Academy.Quiz> Quizzes => Set<Features.Academy.Quiz>();
    public DbSet<Features.Academy.QuizDraw> QuizDraws => Set<Features.Academy.QuizDraw>();
    public DbSet<Features.Academy.QuizAttempt> QuizAttempts => Set<Features.Academy.QuizAttempt>();
    public DbSet<Features.Academy.QuestionGrade> QuestionGrades => Set<Features.Academy.QuestionGrade>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HemisphereDb).Assembly);
    }
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class SqliteHemisphereDb(DbContextOptions<SqliteHemisphereDb> options) : HemisphereDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native date-time-offset type; store UTC ticks so that ordering and
        // comparisons run in the database. All instants in Hemisphere are UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

public sealed class PostgresHemisphereDb(DbContextOptions<PostgresHemisphereDb> options) : HemisphereDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The columns a topic page filters on ride in its index: the page's ids and the count come from an index-only scan
        // instead of sorting the topic's whole rows (a deep page of a 17,000-post topic read and sorted all of them).
        builder.Entity<Features.Community.Forums.ForumPost>().HasIndex(x => new { x.TopicId, x.CreatedAt, x.Id })
            .IncludeProperties(x => new { x.State, x.AuthorId });
        // The academy's dashboards count distinct officers per country, institution or course over a million
        // enrolments: each dimension's index carries what the counts read, so they come from index-only scans.
        var enrolments = builder.Entity<Features.Academy.Enrolment>();
        enrolments.HasIndex(x => new { x.CountryCode, x.LearnerId }).IncludeProperties(x => new { x.Status, x.LastActivityAt, x.Year, x.CertifiedAt });
        enrolments.HasIndex(x => new { x.InstitutionId, x.LearnerId }).IncludeProperties(x => new { x.Status, x.LastActivityAt, x.Year, x.CertifiedAt });
        enrolments.HasIndex(x => new { x.CourseId, x.LearnerId }).IncludeProperties(x => new { x.Status, x.LastActivityAt, x.Year, x.CertifiedAt });
        // The dashboard's total row counts distinct officers over every dimension at once: the learner's index carries the same
        // columns, so the total is an index-only scan already in learner order (it was a sequential scan and three sorts of a
        // million rows spilling to disk: 1.2–1.4 s of the uncached dashboard's 2 s, 0.6 s with this index).
        enrolments.HasIndex(x => new { x.LearnerId, x.Status }).IncludeProperties(x => new { x.LastActivityAt, x.Year, x.CertifiedAt });
    }
}

public sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
