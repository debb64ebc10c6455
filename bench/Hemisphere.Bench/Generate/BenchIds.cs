namespace Hemisphere.Bench.Generate;

/// <summary>
/// Version 7 GUIDs (like Guid.CreateVersion7) drawn from the seeded generator, so a seed always gives
/// the same ids. Their last four bytes are the tag "benc" (…62656e63 in text), which is how
/// generate --reset finds the rows it wrote and leaves every other row alone.
/// </summary>
public static class BenchIds
{
    public const string TextSuffix = "62656e63";
    /// <summary>SQL that is true for a generated "Id".</summary>
    public const string SqlIsGenerated = "right(\"Id\"::text, 8) = '" + TextSuffix + "'";

    private static readonly byte[] Tag = "benc"u8.ToArray();

    public static Guid Create(DateTime createdUtc, Random rng)
    {
        Span<byte> b = stackalloc byte[16];
        var ms = new DateTimeOffset(createdUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (8 * (5 - i)));
        rng.NextBytes(b[6..12]);
        b[6] = (byte)(0x70 | (b[6] & 0x0F)); // version 7
        b[8] = (byte)(0x80 | (b[8] & 0x3F)); // RFC 9562 variant
        Tag.CopyTo(b[12..]);
        return new Guid(b, bigEndian: true);
    }
}
