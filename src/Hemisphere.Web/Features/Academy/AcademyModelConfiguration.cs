using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Academy;

internal sealed class AcademyModelConfiguration :
    IEntityTypeConfiguration<AcademyProgramme>, IEntityTypeConfiguration<ProgrammeCourse>, IEntityTypeConfiguration<Course>,
    IEntityTypeConfiguration<CoursePrerequisite>, IEntityTypeConfiguration<CourseModule>, IEntityTypeConfiguration<Lesson>,
    IEntityTypeConfiguration<Edition>, IEntityTypeConfiguration<EditionInstructor>, IEntityTypeConfiguration<EditionSession>,
    IEntityTypeConfiguration<Attendance>, IEntityTypeConfiguration<Learner>, IEntityTypeConfiguration<Enrolment>,
    IEntityTypeConfiguration<LessonView>, IEntityTypeConfiguration<EnrolmentImport>, IEntityTypeConfiguration<QuestionCategory>,
    IEntityTypeConfiguration<Question>, IEntityTypeConfiguration<Quiz>, IEntityTypeConfiguration<QuizDraw>,
    IEntityTypeConfiguration<QuizAttempt>, IEntityTypeConfiguration<QuestionGrade>
{
    public void Configure(EntityTypeBuilder<AcademyProgramme> b)
    {
        b.ToTable("AcademyProgrammes");
        b.Property(x => x.Slug).HasMaxLength(AcademyLimits.Slug);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.LocalizedText(x => x.Title, "Title", AcademyLimits.Title);
        b.LocalizedText(x => x.Summary, "Summary", AcademyLimits.Summary);
    }

    public void Configure(EntityTypeBuilder<ProgrammeCourse> b)
    {
        b.ToTable("AcademyProgrammeCourses");
        b.HasKey(x => new { x.ProgrammeId, x.CourseId });
        b.HasOne<AcademyProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CourseId);
    }

    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("Courses");
        b.Property(x => x.Code).HasMaxLength(AcademyLimits.Code);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        b.Property(x => x.Slug).HasMaxLength(AcademyLimits.Slug);
        b.HasIndex(x => x.Slug).IsUnique();
        b.LocalizedText(x => x.Title, "Title", AcademyLimits.Title);
        b.LocalizedText(x => x.Summary, "Summary", AcademyLimits.Summary);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Hours).HasPrecision(7, 2);
    }

    public void Configure(EntityTypeBuilder<CoursePrerequisite> b)
    {
        b.ToTable("CoursePrerequisites");
        b.HasKey(x => new { x.CourseId, x.RequiredCode });
        b.Property(x => x.RequiredCode).HasMaxLength(AcademyLimits.Code);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CourseModule> b)
    {
        b.ToTable("CourseModules");
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CourseId, x.Position });
        b.LocalizedText(x => x.Title, "Title", AcademyLimits.Title);
    }

    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.ToTable("Lessons");
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CourseModule>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CourseId, x.ModuleId, x.Position });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.LocalizedText(x => x.Title, "Title", AcademyLimits.Title);
        b.LocalizedText(x => x.Body, "Body", AcademyLimits.Body);
        b.Property(x => x.VideoUrl).HasMaxLength(AcademyLimits.Url);
        b.Property(x => x.LinkUrl).HasMaxLength(AcademyLimits.Url);
        b.HasOne<Platform.Files.StoredFile>().WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Edition> b)
    {
        b.ToTable("Editions");
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CourseId);
        b.Property(x => x.Name).HasMaxLength(AcademyLimits.Name);
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Venue).HasMaxLength(AcademyLimits.Venue);
        b.Property(x => x.City).HasMaxLength(AcademyLimits.Name);
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.TimeZone).HasMaxLength(AcademyLimits.TimeZone);
    }

    public void Configure(EntityTypeBuilder<EditionInstructor> b)
    {
        b.ToTable("EditionInstructors");
        b.HasKey(x => new { x.EditionId, x.UserId });
        b.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UserId);
    }

    public void Configure(EntityTypeBuilder<EditionSession> b)
    {
        b.ToTable("EditionSessions");
        b.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EditionId, x.StartsAt });
        b.Property(x => x.Title).HasMaxLength(AcademyLimits.Title);
    }

    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.ToTable("Attendances");
        b.HasKey(x => new { x.SessionId, x.EnrolmentId });
        b.Property(x => x.Mark).HasConversion<string>().HasMaxLength(20);
        b.HasOne<EditionSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EnrolmentId);
    }

    public void Configure(EntityTypeBuilder<Learner> b)
    {
        b.ToTable("Learners");
        b.Property(x => x.Email).HasMaxLength(AcademyLimits.Email);
        b.HasIndex(x => x.Email).IsUnique();
        b.Property(x => x.NationalId).HasMaxLength(AcademyLimits.NationalId);
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.HasIndex(x => new { x.CountryCode, x.NationalId }).IsUnique();
        b.Property(x => x.FullName).HasMaxLength(AcademyLimits.Name);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("Enrolments");
        b.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EditionId, x.LearnerId }).IsUnique();
        b.HasIndex(x => new { x.LearnerId, x.Status });
        b.HasIndex(x => new { x.EditionId, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.CountryCode, x.Year, x.Status });
        b.HasIndex(x => new { x.InstitutionId, x.Year, x.Status });
        b.HasIndex(x => new { x.CourseId, x.Status });
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Grade).HasPrecision(5, 2);
        b.Property(x => x.GradeOverrideReason).HasMaxLength(AcademyLimits.Reason);
    }

    public void Configure(EntityTypeBuilder<LessonView> b)
    {
        b.ToTable("LessonViews");
        b.HasKey(x => new { x.EnrolmentId, x.LessonId });
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lesson>().WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EnrolmentImport> b)
    {
        b.ToTable("EnrolmentImports");
        b.Property(x => x.FileName).HasMaxLength(AcademyLimits.Name);
        b.HasIndex(x => x.By);
    }

    public void Configure(EntityTypeBuilder<QuestionCategory> b)
    {
        b.ToTable("QuestionCategories");
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Name).HasMaxLength(AcademyLimits.Name);
        b.HasIndex(x => new { x.CourseId, x.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("Questions");
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<QuestionCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CategoryId, x.Retired });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.LocalizedText(x => x.Prompt, "Prompt", AcademyLimits.Summary);
        b.LocalizedText(x => x.Feedback, "Feedback", AcademyLimits.Summary);
        b.Property(x => x.Points).HasPrecision(7, 2);
    }

    public void Configure(EntityTypeBuilder<Quiz> b)
    {
        b.ToTable("Quizzes");
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CourseId);
        b.LocalizedText(x => x.Title, "Title", AcademyLimits.Title);
        b.LocalizedText(x => x.Instructions, "Instructions", AcademyLimits.Summary);
        b.Property(x => x.PassingPercent).HasPrecision(5, 2);
        b.Property(x => x.Feedback).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<QuizDraw> b)
    {
        b.ToTable("QuizDraws");
        b.HasKey(x => new { x.QuizId, x.CategoryId });
        b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<QuestionCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("QuizAttempts");
        b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.QuizId, x.EnrolmentId, x.Number }).IsUnique();
        b.HasIndex(x => x.EnrolmentId);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.Property(x => x.MaxScore).HasPrecision(9, 2);
        b.Property(x => x.Percent).HasPrecision(5, 2);
    }

    public void Configure(EntityTypeBuilder<QuestionGrade> b)
    {
        b.ToTable("QuestionGrades");
        b.HasKey(x => new { x.AttemptId, x.QuestionId });
        b.HasOne<QuizAttempt>().WithMany().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Points).HasPrecision(7, 2);
        b.Property(x => x.Comment).HasMaxLength(AcademyLimits.Summary);
    }
}
