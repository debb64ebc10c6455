using System.IO.Compression;

namespace Hemisphere.Features.Academy.Certificates.Badges;

/// <summary>
/// W3C Bitstring Status List v1.0: one bit a credential (index 0 is the left-most bit of the first byte), at least
/// 16 KiB (131,072 entries) so that a list does not tell how many credentials were issued, GZIP-compressed and
/// written as multibase base64url without padding (the "u" prefix).
/// </summary>
public static class BitstringStatusList
{
    public const int Size = 131_072;

    public static string Encode(IEnumerable<int> setPositions)
    {
        var bits = new byte[Size / 8];
        foreach (var i in setPositions)
        {
            if (i is < 0 or >= Size) throw new ArgumentOutOfRangeException(nameof(setPositions), i, "Outside the list.");
            bits[i / 8] |= (byte)(0x80 >> (i % 8));
        }
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bits);
        return "u" + Jws.Base64Url(output.ToArray());
    }

    /// <summary>The bitstring of an encoded list; null when it is not multibase base64url GZIP.</summary>
    public static byte[]? Decode(string encoded)
    {
        if (!encoded.StartsWith('u')) return null;
        var compressed = Jws.FromBase64Url(encoded[1..]);
        if (compressed is null) return null;
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException) { return null; }
    }

    public static bool IsSet(byte[] bits, int index) =>
        index >= 0 && index / 8 < bits.Length && (bits[index / 8] & (0x80 >> (index % 8))) != 0;
}
