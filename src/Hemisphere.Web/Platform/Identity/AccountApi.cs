using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Identity;

public sealed record TokenRequest(string? Email, string? Password, string? Code);

public sealed record TokenResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

public static class AccountApi
{
    public static void MapAccountApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/v1/auth").WithTags("Authentication");

        auth.MapPost("/token", async (TokenRequest input, UserManager<User> users, SignInManager<User> signIn, ApiTokenService tokens, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var v = new Validation(l);
            v.Text("email", input.Email, 256, required: true);
            if (string.IsNullOrEmpty(input.Password)) v.Add("password", "Validation.Required");
            if (!v.IsValid) return TypedResults.ValidationProblem(v.Errors, title: l["Problem.Validation"]);
            var user = await users.FindByEmailAsync(input.Email!.Trim());
            if (user is null) return l.Problem(401, "Account.InvalidCredentials");
            var check = await signIn.CheckPasswordSignInAsync(user, input.Password!, lockoutOnFailure: true);
            if (check.IsLockedOut) return l.Problem(401, "Account.LockedOut");
            if (check.IsNotAllowed) return l.Problem(401, "Account.NotConfirmed");
            if (!check.Succeeded) return l.Problem(401, "Account.InvalidCredentials");
            if (await users.GetTwoFactorEnabledAsync(user))
            {
                if (string.IsNullOrWhiteSpace(input.Code))
                    return TypedResults.Problem(title: l["Account.TwoFactorRequired"], statusCode: 401, extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
                var code = input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
                if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
                {
                    await users.AccessFailedAsync(user);
                    return l.Problem(401, "Account.InvalidCode");
                }
                await users.ResetAccessFailedCountAsync(user);
            }
            var (token, expiresIn) = await tokens.IssueAsync(user.Id, ct);
            return TypedResults.Ok(new TokenResponse(token, (int)expiresIn.TotalSeconds));
        }).RequireRateLimiting(ApiSetup.SignInPolicy).AllowAnonymous()
          .WithSummary("Exchanges e-mail, password and (when two-factor is on) a TOTP code for a bearer token.")
          .Produces<TokenResponse>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);

        auth.MapDelete("/token", async (HttpContext http, ApiTokenService tokens, CancellationToken ct) =>
        {
            var secret = ApiTokenAuthenticationHandler.ReadToken(http.Request);
            if (secret is not null) await tokens.RevokeAsync(secret, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
          .WithSummary("Revokes the bearer token sent with this request.");

        auth.MapDelete("/tokens", async (HttpContext http, ApiTokenService tokens, CancellationToken ct) =>
            TypedResults.Ok(new { revoked = await tokens.RevokeAllAsync(http.User.Actor().UserId!.Value, ct) }))
            .RequireAuthorization().WithSummary("Revokes every bearer token of the signed-in user.");

        auth.MapGet("/me", async (HttpContext http, AccountService accounts, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await accounts.SummaryAsync(http.User.Actor().UserId!.Value, ct) is { } me ? Results.Ok(me) : l.Problem(404, "Problem.NotFound"))
            .RequireAuthorization().Produces<UserSummary>();

        var admin = routes.MapGroup("/api/v1").WithTags("Administration").RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy);
        admin.MapGet("/users", async (string? q, int? page, int? pageSize, HttpContext http, AccountService accounts, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            http.User.Actor().IsAdministrator
                ? Results.Ok(await accounts.UsersAsync(q, PageRequest.From(page, pageSize), ct))
                : l.Problem(403, "Problem.Forbidden"))
            .Produces<Page<UserSummary>>().ProducesProblem(403);
        admin.MapPost("/users/invitations", async (InvitationInput input, HttpContext http, AccountService accounts, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await accounts.InviteAsync(http.User.Actor(), input, BaseUrl(http), ct)).ToResult(l, u => TypedResults.Created($"/api/v1/users/{u.Id}", u)))
            .Produces<UserSummary>(201).ProducesValidationProblem().ProducesProblem(403);
        admin.MapPost("/users/{id:guid}/roles", async (Guid id, RoleInput input, HttpContext http, AccountService accounts, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await accounts.GrantRoleAsync(http.User.Actor(), id, input, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .Produces<RoleAssignmentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        admin.MapDelete("/users/{id:guid}/roles/{assignmentId:guid}", async (Guid id, Guid assignmentId, HttpContext http, AccountService accounts, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await accounts.RevokeRoleAsync(http.User.Actor(), id, assignmentId, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .Produces(204).ProducesProblem(403).ProducesProblem(404);
        admin.MapGet("/audit", async ([AsParameters] AuditApiQuery query, HttpContext http, AuditLog log, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            http.User.Actor().IsAdministrator
                ? Results.Ok(await log.SearchAsync(new AuditQuery(query.EntityType, query.EntityId, query.ActorId, query.Action, query.From, query.To), PageRequest.From(query.Page, query.PageSize, 50), ct))
                : l.Problem(403, "Problem.Forbidden"))
            .WithSummary("The audit log, newest first (administrators).")
            .Produces<Page<AuditEntry>>().ProducesProblem(403);
    }

    public static string BaseUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Hemisphere:PublicUrl"];
        return !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
    }
}

public sealed record AuditApiQuery(string? EntityType, string? EntityId, Guid? ActorId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);
