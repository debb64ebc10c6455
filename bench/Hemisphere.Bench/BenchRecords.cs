using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hemisphere.Bench;

/// <summary>
/// What the records verb writes and run recomputes from the seed alone: the LRS client's HTTP Basic credentials
/// (key and secret derived with HMAC-SHA256, stored as the site stores them: the secret's SHA-256) and the codes of
/// the generated certificates (certificate n, 1-based, in the order of their enrolments' ids).
/// </summary>
public static class BenchRecords
{
    /// <summary>The site's public address as the bench site has it (Hemisphere:PublicUrl unset): the home page of learners' accounts.</summary>
    public const string HomePage = "http://localhost";

    private static byte[] Derive(int seed, string what)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("hemisphere-bench-records:" + seed.ToString(CultureInfo.InvariantCulture)));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(what));
    }

    public static string XapiKey(int seed) => "bench" + Convert.ToHexStringLower(Derive(seed, "xapi-key"))[..19];

    public static string XapiSecret(int seed) => Convert.ToBase64String(Derive(seed, "xapi-secret")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The value of the Authorization header of the bench's LRS client.</summary>
    public static string XapiAuthorization(int seed) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(XapiKey(seed) + ":" + XapiSecret(seed)));

    /// <summary>What the site keeps in "XapiClients"."SecretHash": SHA-256 of the secret, lower-case hex.</summary>
    public static string XapiSecretHash(int seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(XapiSecret(seed))));

    /// <summary>
    /// Certificate n's code: 25 characters of the site's alphabet (Crockford's base 32, as Certificate.NewCode draws them),
    /// here from HMAC-SHA256 of the seed and n instead of a random draw.
    /// </summary>
    public static string CertificateCode(int seed, int n)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var bytes = Derive(seed, "certificate:" + n.ToString(CultureInfo.InvariantCulture));
        var code = new StringBuilder(25);
        for (var i = 0; i < 25; i++) code.Append(alphabet[bytes[i] & 31]);
        return code.ToString();
    }
}
