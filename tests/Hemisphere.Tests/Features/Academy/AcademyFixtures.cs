using Hemisphere.Features.Academy;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Features.Academy;

/// <summary>Courses and editions written straight to the database (the curriculum API is another piece of work).</summary>
public static class AcademyFixtures
{
    public static async Task<(Course Course, Edition Edition)> AddEditionAsync(this HemisphereApp app, int? seats = null, bool cancelled = false,
        DateTimeOffset? closes = null, DateOnly? startsOn = null, EditionMode mode = EditionMode.OnSite, Course? course = null)
    {
        var code = "T-" + Guid.NewGuid().ToString("N")[..8];
        var isNew = course is null;
        course ??= new Course { Code = code, Slug = code.ToLowerInvariant(), Title = new() { En = "Course " + code, Es = "Curso " + code }, Status = CourseStatus.Published, Hours = 10 };
        var edition = new Edition
        {
            CourseId = course.Id,
            Name = "Edition " + code,
            Mode = mode,
            Seats = seats,
            Cancelled = cancelled,
            EnrolmentClosesAt = closes,
            StartsOn = startsOn ?? new DateOnly(2027, 3, 1),
            EndsOn = new DateOnly(2099, 1, 1),
        };
        await app.WithDbAsync(async db =>
        {
            if (isNew) db.Add(course);
            db.Add(edition);
            return await db.SaveChangesAsync();
        });
        return (course, edition);
    }
}
