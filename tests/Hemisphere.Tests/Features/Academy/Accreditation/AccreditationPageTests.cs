using System.Net;
using Hemisphere.Features.Academy.Accreditation;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Accreditation;

[Collection(AppsCollection.Name)]
public sealed class AccreditationPageTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task Staff_create_and_edit_an_accreditation_on_the_pages_and_others_cannot_open_them(DatabaseProvider provider)
    {
        var app = apps[provider];
        var university = await app.AddUniversityAsync();
        var (course, _) = await app.AddEditionAsync();
        var staffUser = await app.CreateUserAsync(HemisphereRole.Editor);
        var staff = await app.PageClientAsync(staffUser);
        var reference = "PAGE-" + Guid.NewGuid().ToString("N")[..8];
        var fields = new Dictionary<string, string>
        {
            ["Form.UniversityId"] = university.Id.ToString(),
            ["Form.Target"] = "course:" + course.Id,
            ["Form.AgreementReference"] = reference,
            ["Form.Credits"] = "-2",
            ["Form.CreditSystem"] = "SCH",
            ["Form.ValidFrom"] = "2026-02-01",
            ["Form.ValidTo"] = "2029-01-31",
            ["Form.Status"] = "active",
        };
        // A mistake shows the form again with the message; nothing is stored.
        var refused = await staff.PostFormAsync("/academy/accreditations/new", new(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Must be between 0 and 10", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CourseAccreditation>().CountAsync(a => a.AgreementReference == reference)));

        fields["Form.Credits"] = "3";
        var created = await staff.PostFormAsync("/academy/accreditations/new", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<CourseAccreditation>().AsNoTracking().SingleAsync(a => a.AgreementReference == reference));
        Assert.Equal(3m, stored.Credits);
        Assert.Equal(AccreditationStatus.Active, stored.Status);
        Assert.Equal(staffUser.Id, stored.CreatedBy);
        Assert.Equal(10m, stored.Hours);
        Assert.Equal($"/academy/accreditations/{stored.Id}/edit", created.Headers.Location?.OriginalString);

        var edit = $"/academy/accreditations/{stored.Id}/edit";
        var editPage = WebUtility.HtmlDecode(await staff.GetStringAsync(edit));
        Assert.Contains(reference, editPage, StringComparison.Ordinal);
        fields["Form.Status"] = "suspended";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(edit, new(fields))).StatusCode);
        Assert.Equal(AccreditationStatus.Suspended, await app.WithDbAsync(db => db.Set<CourseAccreditation>().Where(a => a.Id == stored.Id).Select(a => a.Status).SingleAsync()));
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/academy/accreditations"));
        Assert.Contains(reference, list, StringComparison.Ordinal);
        Assert.Contains(university.Name, list, StringComparison.Ordinal);

        // The university's staff read the list (not the editor); a learner opens none of it.
        var universityStaff = await app.PageClientAsync(await app.CreateUserAsync(HemisphereRole.InstitutionManager, null, university.Id));
        Assert.Contains(reference, WebUtility.HtmlDecode(await universityStaff.GetStringAsync("/academy/accreditations")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await universityStaff.GetAsync(edit)).StatusCode);
        var learner = await app.PageClientAsync(await app.CreateUserAsync(HemisphereRole.Learner));
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/academy/accreditations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/academy/accreditations/outcomes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/academy/accreditations/new")).StatusCode);
    }
}
