using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hemisphere.Bench;

/// <summary>
/// The generated members ("AspNetUsers", numbered from 1) and their bearer tokens. A token is the site's
/// format — "hs_" and 32 bytes in base64url — with the bytes derived from the seed and the member's
/// number (HMAC-SHA256), so generate writes their SHA-256 in "ApiTokens" and run and chat recompute the
/// same tokens from --seed, without any file of secrets.
/// </summary>
public static class BenchUsers
{
    public const string EmailDomain = "bench.hemisphere.local";

    public static string Email(int number) => string.Create(CultureInfo.InvariantCulture, $"bench-user-{number:00000}@{EmailDomain}");

    /// <summary>The bearer token of member <paramref name="number"/> (1-based) for a seed.</summary>
    public static string Token(int seed, int number)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("hemisphere-bench-tokens:" + seed.ToString(CultureInfo.InvariantCulture)));
        var bytes = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("member:" + number.ToString(CultureInfo.InvariantCulture)));
        return "hs_" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>E-mail of an academy account: kind "learner" (linked to learner n), "staff" (a global editor) or "manager" (an institution manager).</summary>
    public static string AcademyEmail(string kind, int number) => string.Create(CultureInfo.InvariantCulture, $"bench-{kind}-{number:00000}@{EmailDomain}");

    /// <summary>The bearer token of academy account <paramref name="kind"/> <paramref name="number"/> (1-based) for a seed.</summary>
    public static string AcademyToken(int seed, string kind, int number)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("hemisphere-bench-tokens:" + seed.ToString(CultureInfo.InvariantCulture)));
        var bytes = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + ":" + number.ToString(CultureInfo.InvariantCulture)));
        return "hs_" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Tokens of learner accounts first..first+count-1.</summary>
    public static List<string> LearnerTokens(int seed, int first, int count) =>
        Enumerable.Range(first, count).Select(n => AcademyToken(seed, "learner", n)).ToList();

    /// <summary>What the site stores in "ApiTokens"."Hash": SHA-256 of the whole secret in UTF-8.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Tokens of members first..first+count-1.</summary>
    public static List<string> Tokens(int seed, int first, int count) =>
        Enumerable.Range(first, count).Select(n => Token(seed, n)).ToList();
}
