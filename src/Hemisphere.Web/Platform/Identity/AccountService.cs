using System.Text;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Identity;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, string PreferredLanguage, bool EmailConfirmed, bool TwoFactorEnabled, bool LockedOut, IReadOnlyList<RoleAssignmentDto> Roles);

public sealed record RoleAssignmentDto(Guid Id, string Role, string? CountryCode, Guid? InstitutionId);

public sealed record RoleInput(string? Role, string? CountryCode, Guid? InstitutionId);

public sealed record InvitationInput(string? Email, string? DisplayName, string? PreferredLanguage, string? Role, string? CountryCode, Guid? InstitutionId);

/// <summary>Accounts: registration, confirmation, invitations and roles. Mail goes through the outbox.</summary>
public sealed class AccountService(
    HemisphereDb db,
    UserManager<User> users,
    Mailer mailer,
    AuditLog audit,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock)
{
    public async Task<Outcome<User>> RegisterAsync(string? email, string? password, string? displayName, string? language, string baseUrl, CancellationToken ct)
    {
        var v = new Validation(l);
        var mail = v.Email("email", email, required: true);
        var name = v.Text("displayName", displayName, 200, required: true);
        if (string.IsNullOrEmpty(password)) v.Add("password", "Validation.Required");
        if (!v.IsValid) return Outcome<User>.Invalid(v.Errors);
        if (await users.FindByEmailAsync(mail!) is not null)
        {
            // Do not reveal that the address has an account: tell its owner instead.
            using (CultureScope.Use(language ?? "en"))
                mailer.Enqueue(new MailMessage(mail!, l["Mail.AlreadyRegistered.Subject"], l["Mail.AlreadyRegistered.Body", baseUrl + "/account/forgot-password"]));
            await db.SaveChangesAsync(ct);
            return Outcome<User>.Ok(new User { Email = mail });
        }
        var user = new User { Email = mail, UserName = mail, DisplayName = name!, PreferredLanguage = Languages.Normalize(language) };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded) return Outcome<User>.Invalid(IdentityErrors("password", created));
        await db.RoleAssignments.AddAsync(new RoleAssignment { UserId = user.Id, Role = HemisphereRole.Learner }, ct);
        await QueueConfirmationAsync(user, baseUrl);
        await db.SaveChangesAsync(ct);
        return Outcome<User>.Ok(user);
    }

    public async Task QueueConfirmationAsync(User user, string baseUrl)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = $"{baseUrl}/account/confirm-email?userId={user.Id}&code={Encode(token)}";
        using (CultureScope.Use(user.PreferredLanguage))
            mailer.Enqueue(new MailMessage(user.Email!, l["Mail.Confirm.Subject"], l["Mail.Confirm.Body", user.DisplayName, link]));
    }

    public async Task<bool> ConfirmEmailAsync(Guid userId, string code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(code) is not { } token) return false;
        var result = await users.ConfirmEmailAsync(user, token);
        return result.Succeeded;
    }

    public async Task QueuePasswordResetAsync(string? email, string baseUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        var user = await users.FindByEmailAsync(email.Trim());
        // Answer the same whether or not the address is known.
        if (user is null) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{baseUrl}/account/reset-password?userId={user.Id}&code={Encode(token)}";
        using (CultureScope.Use(user.PreferredLanguage))
            mailer.Enqueue(new MailMessage(user.Email!, l["Mail.Reset.Subject"], l["Mail.Reset.Body", user.DisplayName, link]));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets a new password from a reset or invitation link; an invitation also confirms the address.</summary>
    public async Task<Outcome<User>> ResetPasswordAsync(Guid userId, string? code, string? password, bool confirmEmail)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var token = code is null ? null : Decode(code);
        if (user is null || token is null) return Outcome<User>.Invalid("code", l["Account.InvalidLink"]);
        if (string.IsNullOrEmpty(password)) return Outcome<User>.Invalid("password", l["Validation.Required"]);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken")
                ? Outcome<User>.Invalid("code", l["Account.InvalidLink"])
                : Outcome<User>.Invalid(IdentityErrors("password", result));
        }
        if (confirmEmail && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return Outcome<User>.Ok(user);
    }

    public async Task<Outcome<UserSummary>> InviteAsync(Actor actor, InvitationInput input, string baseUrl, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return Outcome<UserSummary>.Forbidden();
        var v = new Validation(l);
        var email = v.Email("email", input.Email, required: true);
        var name = v.Text("displayName", input.DisplayName, 200, required: true);
        var role = await ValidateRoleAsync(v, new RoleInput(input.Role ?? "learner", input.CountryCode, input.InstitutionId), ct);
        if (v.IsValid && await users.FindByEmailAsync(email!) is not null) v.Add("email", "Account.EmailTaken");
        if (!v.IsValid) return Outcome<UserSummary>.Invalid(v.Errors);
        var user = new User { Email = email, UserName = email, DisplayName = name!, PreferredLanguage = Languages.Normalize(input.PreferredLanguage) };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return Outcome<UserSummary>.Invalid(IdentityErrors("email", created));
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role!.Value.Role, CountryCode = role.Value.Country, InstitutionId = role.Value.Institution, GrantedBy = actor.UserId, GrantedAt = clock.GetUtcNow() });
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{baseUrl}/account/accept-invitation?userId={user.Id}&code={Encode(token)}";
        using (CultureScope.Use(user.PreferredLanguage))
            mailer.Enqueue(new MailMessage(user.Email!, l["Mail.Invite.Subject"], l["Mail.Invite.Body", user.DisplayName, link]));
        audit.Record("user.invited", nameof(User), user.Id.ToString(), new { email });
        await db.SaveChangesAsync(ct);
        return Outcome<UserSummary>.Ok((await SummaryAsync(user.Id, ct))!);
    }

    public async Task<Outcome<RoleAssignmentDto>> GrantRoleAsync(Actor actor, Guid userId, RoleInput input, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return Outcome<RoleAssignmentDto>.Forbidden();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return Outcome<RoleAssignmentDto>.NotFound();
        var v = new Validation(l);
        var role = await ValidateRoleAsync(v, input, ct);
        if (!v.IsValid) return Outcome<RoleAssignmentDto>.Invalid(v.Errors);
        var (r, country, institution) = role!.Value;
        var existing = await db.RoleAssignments.FirstOrDefaultAsync(a => a.UserId == userId && a.Role == r && a.CountryCode == country && a.InstitutionId == institution, ct);
        if (existing is not null) return Outcome<RoleAssignmentDto>.Ok(ToDto(existing));
        var assignment = new RoleAssignment { UserId = userId, Role = r, CountryCode = country, InstitutionId = institution, GrantedBy = actor.UserId, GrantedAt = clock.GetUtcNow() };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        await users.UpdateSecurityStampAsync(user);
        return Outcome<RoleAssignmentDto>.Ok(ToDto(assignment));
    }

    public async Task<Outcome<bool>> RevokeRoleAsync(Actor actor, Guid userId, Guid assignmentId, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return Outcome<bool>.Forbidden();
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, ct);
        if (assignment is null) return Outcome<bool>.NotFound();
        if (assignment.Role == HemisphereRole.Administrator && assignment.UserId == actor.UserId
            && await db.RoleAssignments.CountAsync(a => a.Role == HemisphereRole.Administrator, ct) == 1)
            return Outcome<bool>.Conflict(l["Account.LastAdministrator"]);
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        if (await users.FindByIdAsync(userId.ToString()) is { } user) await users.UpdateSecurityStampAsync(user);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Page<UserSummary>> UsersAsync(string? q, PageRequest page, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper(System.Globalization.CultureInfo.InvariantCulture).Contains(term));
        }
        var total = await query.CountAsync(ct);
        var list = await query.OrderBy(u => u.Email).Skip(page.Skip).Take(page.Size).Include(u => u.Roles).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Page<UserSummary>(list.Select(u => ToSummary(u, now)).ToList(), total, page.Number, page.Size);
    }

    public async Task<UserSummary?> SummaryAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : ToSummary(user, clock.GetUtcNow());
    }

    private static UserSummary ToSummary(User u, DateTimeOffset now) => new(
        u.Id, u.Email ?? "", u.DisplayName, u.PreferredLanguage, u.EmailConfirmed, u.TwoFactorEnabled,
        u.LockoutEnd is { } end && end > now, u.Roles.OrderBy(r => r.Role).Select(ToDto).ToList());

    private static RoleAssignmentDto ToDto(RoleAssignment a) => new(a.Id, a.Role.Name(), a.CountryCode, a.InstitutionId);

    private async Task<(HemisphereRole Role, string? Country, Guid? Institution)?> ValidateRoleAsync(Validation v, RoleInput input, CancellationToken ct)
    {
        if (!RoleNames.TryParse(input.Role, out var role)) { v.Add("role", "Validation.InvalidValue"); return null; }
        string? country = null;
        if (!string.IsNullOrWhiteSpace(input.CountryCode))
        {
            country = input.CountryCode.Trim().ToUpperInvariant();
            if (!await db.MemberStates.AnyAsync(s => s.Code == country, ct)) v.Add("countryCode", "Validation.UnknownCountry", input.CountryCode);
        }
        if (input.InstitutionId is { } i && !await db.Institutions.AnyAsync(x => x.Id == i, ct)) v.Add("institutionId", "Validation.UnknownInstitution");
        if (country is not null && input.InstitutionId is not null) v.Add("institutionId", "Account.OneScope");
        if (role == HemisphereRole.InstitutionManager && input.InstitutionId is null) v.Add("institutionId", "Validation.Required");
        if (role == HemisphereRole.Administrator && (country is not null || input.InstitutionId is not null)) v.Add("role", "Account.AdministratorGlobal");
        return v.IsValid ? (role, country, input.InstitutionId) : null;
    }

    private Dictionary<string, string[]> IdentityErrors(string field, IdentityResult result) =>
        new() { [field] = result.Errors.Select(e => l["Identity." + e.Code].ResourceNotFound ? e.Description : l["Identity." + e.Code].Value).ToArray() };

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string code)
    {
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
