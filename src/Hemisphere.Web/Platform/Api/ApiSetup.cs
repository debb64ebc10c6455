using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Api;

public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts (pages and token endpoint) per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 60;
    /// <summary>API requests per caller per minute.</summary>
    public int ApiPerMinute { get; set; } = 3000;
    /// <summary>Public certificate verifications (page and API) per client address per minute: guessing codes stays impractical.</summary>
    public int VerificationPerMinute { get; set; } = 30;
}

public static class ApiSetup
{
    public const string SignInPolicy = "sign-in";
    public const string ApiPolicy = "api";
    public const string VerificationPolicy = "verification";

    public static IServiceCollection AddHemisphereApi(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            // Routing answers a body of the wrong type with a bare 415: say which header to fix, in the caller's language.
            if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && !ctx.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                ctx.ProblemDetails.Title = l["Problem.UnsupportedMediaType"];
                ctx.ProblemDetails.Detail = l["Problem.UnsupportedMediaType.Detail"];
                ctx.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [l["Problem.UnsupportedMediaType.Detail"]] };
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Hemisphere API";
            doc.Info.Version = "v1";
            doc.Info.Description = "The JSON API of Hemisphere. Errors are RFC 9457 problem details. Lists answer { items, total }. Authenticate with POST /api/v1/auth/token and send 'Authorization: Bearer <token>'.";
            return Task.CompletedTask;
        }));

        var limits = config.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = l["Problem.TooManyRequests"], Detail = l["Problem.TooManyRequests.Detail"] },
                });
            };
            o.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                "signin:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(VerificationPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                "verify:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.VerificationPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ApiPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                "api:" + (Identity.ApiTokenAuthenticationHandler.ReadToken(http.Request) is { } t ? t.GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture) : http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.ApiPerMinute,
                    TokensPerPeriod = limits.ApiPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    public static IResult Problem(this IStringLocalizer l, int status, string titleKey, string? detail = null) =>
        TypedResults.Problem(title: l[titleKey], detail: detail, statusCode: status);

    /// <summary>Maps a service outcome to the API's answer.</summary>
    public static IResult ToResult<T>(this Outcome<T> outcome, IStringLocalizer l, Func<T, IResult> ok) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.NotFound => l.Problem(404, "Problem.NotFound"),
        OutcomeKind.Forbidden => l.Problem(403, "Problem.Forbidden"),
        OutcomeKind.Conflict => l.Problem(409, "Problem.Conflict", outcome.Detail),
        OutcomeKind.TooManyRequests => l.Problem(429, "Problem.TooManyRequests", outcome.Detail),
        _ => TypedResults.ValidationProblem(outcome.Errors, title: l["Problem.Validation"]),
    };
}

/// <summary>
/// Turns request-binding failures (malformed JSON, a value of the wrong type, a wrong content
/// type) into problem details that name the field, instead of an empty 400 or a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        var details = new ProblemDetails { Status = bad.StatusCode };
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            details.Title = l["Problem.UnsupportedMediaType"];
            details.Detail = l["Problem.UnsupportedMediaType.Detail"];
            details.Extensions["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [l["Problem.UnsupportedMediaType.Detail"]] };
        }
        else if (FindJsonException(bad) is { } json)
        {
            var field = FieldFromPath(json.Path);
            details.Title = l["Problem.Validation"];
            details.Detail = string.IsNullOrEmpty(field) ? l["Problem.MalformedJson"] : l["Problem.InvalidField", field];
            details.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [string.IsNullOrEmpty(field) ? "$" : field] = [string.IsNullOrEmpty(field) ? l["Problem.MalformedJson"] : l["Problem.InvalidField", field]],
            };
        }
        else if (ParameterName(bad.Message) is { } parameter)
        {
            details.Title = l["Problem.Validation"];
            details.Detail = l["Problem.InvalidField", parameter];
            details.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [l["Problem.InvalidField", parameter]] };
        }
        else
        {
            details.Title = l["Problem.BadRequest"];
            details.Detail = l["Problem.BadRequest.Detail"];
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The parameter named in ASP.NET Core's binding messages, e.g. Failed to bind parameter "DateOnly? asOf" from "x".</summary>
    internal static string? ParameterName(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "parameter \"(?:[^\"]*\\s)?([A-Za-z_][A-Za-z0-9_]*)\"");
        return m.Success ? char.ToLowerInvariant(m.Groups[1].Value[0]) + m.Groups[1].Value[1..] : null;
    }

    private static JsonException? FindJsonException(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
            if (current is JsonException j) return j;
        return null;
    }

    /// <summary>"$.certifications[0].certifiedOn" → "certifications[0].certifiedOn".</summary>
    internal static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
