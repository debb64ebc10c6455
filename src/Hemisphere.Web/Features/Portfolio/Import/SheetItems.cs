using System.Globalization;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>What a piece of the extracted text is.</summary>
internal enum ItemKind
{
    /// <summary>An all-caps section heading: PROGRAM SUMMARY, OBJECTIVES, RESULTS.</summary>
    Heading,
    /// <summary>A line of the activity table: labels, dates, "to", "Completion".</summary>
    Table,
    /// <summary>Short lines of a table value (a name, a beneficiary, a donor list).</summary>
    Fragment,
    /// <summary>A paragraph of prose.</summary>
    Paragraph,
    /// <summary>A link, rejoined when the extraction split it over lines.</summary>
    Url,
    /// <summary>"Link to web page": the sheet had a link whose address the text lost.</summary>
    LinkPlaceholder,
    /// <summary>A piece of a link without its beginning ("/default.asp").</summary>
    StrayUrl,
}

internal enum SectionKind { Summary, Objectives, Results }

internal enum LabelKind { Pillar, Name, Date, Target, AdditionalInformation, Donors, Completion, To }

internal enum TokenKind { Label, Date }

/// <summary>One token of a table line: a label or a date.</summary>
internal sealed record TableToken(TokenKind Kind, LabelKind Label, string Text);

/// <summary>The blank lines before an item: empty ones and ones holding only spaces.</summary>
internal readonly record struct Gap(int Empty, int Blank)
{
    public int Lines => Empty + Blank;

    /// <summary>A tall run of blank lines: in these extractions, the end of a page.</summary>
    public bool IsPageBreak => Lines >= 10;

    /// <summary>How strongly the gap separates two text boxes: one blank line is a plain paragraph break.</summary>
    public int Width => Lines == 0 ? 0 : 2 * Lines - 1;
}

/// <summary>A piece of the extracted text, in reading order.</summary>
internal sealed class SheetItem(ItemKind kind, int line, Gap gapBefore, bool indented)
{
    public ItemKind Kind { get; } = kind;

    /// <summary>1-based line where the item starts.</summary>
    public int Line { get; } = line;

    public Gap GapBefore { get; } = gapBefore;

    /// <summary>The first line started with spaces: the extraction began a new text chunk there.</summary>
    public bool Indented { get; } = indented;

    public SectionKind Heading { get; init; }

    public IReadOnlyList<TableToken> Tokens { get; init; } = [];

    /// <summary>Lines as read (trimmed, spaces collapsed).</summary>
    public List<string> Lines { get; } = [];

    /// <summary>The item's text: lines joined (paragraph, fragment) or concatenated (link).</summary>
    public string Text { get; set; } = "";

    public int MaxLineLength { get; set; }

    public string LastLine => Lines.Count == 0 ? "" : Lines[^1];

    public IEnumerable<LabelKind> Labels => Tokens.Where(t => t.Kind == TokenKind.Label).Select(t => t.Label);

    public bool HasLabel(LabelKind kind) => Labels.Contains(kind);

    /// <summary>A table line carrying a label that names a field (not only "to" or "Completion").</summary>
    public bool HasFieldLabel => Labels.Any(l => l is not (LabelKind.To or LabelKind.Completion));

    /// <summary>The end of a table: "to", "7/1/2020 to", "Completion to".</summary>
    public bool IsEndLine => Kind == ItemKind.Table && Labels.Any(l => l is LabelKind.To or LabelKind.Completion) && !HasFieldLabel;

    public LabelKind? FirstLabel => Tokens.FirstOrDefault(t => t.Kind == TokenKind.Label)?.Label;

    public LabelKind? LastLabel => Tokens.LastOrDefault(t => t.Kind == TokenKind.Label)?.Label;

    public void AddLine(string line, bool join)
    {
        Lines.Add(line);
        Text = join ? TextTools.JoinLine(Text, line) : Text + line;
        MaxLineLength = Math.Max(MaxLineLength, line.Length);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Line}:{Kind}{(Kind == ItemKind.Heading ? " " + Heading : "")} {Text}");
}
