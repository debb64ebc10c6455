using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Data;

/// <summary>A short text with a version per official language. Falls back to English, then to any version.</summary>
public sealed class LocalizedText
{
    public string En { get; set; } = "";
    public string? Es { get; set; }
    public string? Pt { get; set; }
    public string? Fr { get; set; }

    public string For(CultureInfo culture) => For(culture.TwoLetterISOLanguageName);

    public string For(string language)
    {
        var value = language switch
        {
            "es" => Es,
            "pt" => Pt,
            "fr" => Fr,
            _ => En,
        };
        return !string.IsNullOrWhiteSpace(value) ? value
            : !string.IsNullOrWhiteSpace(En) ? En
            : Es ?? Pt ?? Fr ?? "";
    }

    public string Current => For(CultureInfo.CurrentUICulture);

    /// <summary>The languages that have a version.</summary>
    public IEnumerable<string> Languages()
    {
        if (!string.IsNullOrWhiteSpace(En)) yield return "en";
        if (!string.IsNullOrWhiteSpace(Es)) yield return "es";
        if (!string.IsNullOrWhiteSpace(Pt)) yield return "pt";
        if (!string.IsNullOrWhiteSpace(Fr)) yield return "fr";
    }

    public string? Exactly(string language) => language switch { "en" => En, "es" => Es, "pt" => Pt, "fr" => Fr, _ => null } is { Length: > 0 } v ? v : null;

    public bool IsEmpty => !Languages().Any();

    public static LocalizedText English(string? text) => new() { En = text ?? "" };
}

public static class LocalizedTextModel
{
    /// <summary>Maps a <see cref="LocalizedText"/> to four columns, Name + En/Es/Pt/Fr.</summary>
    public static void LocalizedText<T>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b,
        System.Linq.Expressions.Expression<Func<T, LocalizedText?>> property, string prefix, int maxLength) where T : class =>
        b.ComplexProperty(property, n =>
        {
            n.Property(p => p.En).HasColumnName(prefix + "En").HasMaxLength(maxLength);
            n.Property(p => p.Es).HasColumnName(prefix + "Es").HasMaxLength(maxLength);
            n.Property(p => p.Pt).HasColumnName(prefix + "Pt").HasMaxLength(maxLength);
            n.Property(p => p.Fr).HasColumnName(prefix + "Fr").HasMaxLength(maxLength);
        });
}
