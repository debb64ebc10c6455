namespace Hemisphere.Features.Portfolio.Import;

/// <summary>The three prose sections of a block; paragraphs separated by a blank line.</summary>
internal sealed record SectionTexts(string? Summary, string? Objectives, string? Results);

/// <summary>
/// Sorts a block's paragraphs into PROGRAM SUMMARY, OBJECTIVES and RESULTS. A run of paragraphs
/// (paragraphs with nothing else between them) belongs to:
/// 1. the summary, when it follows the end of the table ("… to", "Completion to"): the sheets print
///    the summary there whenever the extraction keeps the table before it;
/// 2. the section of the heading right above it, when that heading stands alone;
/// 3. otherwise (headings stacked above the prose, or a heading whose section is already taken)
///    the remaining sections are shared among the remaining runs: within a run the sections keep
///    the sheet's order (objectives, results, summary); each section gets a paragraph when there are
///    enough; and the split that best fits the paragraphs' openings (<see cref="SectionCues"/>)
///    and the wider gaps between text boxes wins; on a tie the objectives (the short section) take
///    the fewest paragraphs, then a paragraph stays with the section above.
/// </summary>
internal static class SheetSections
{
    /// <summary>Splitting a text box needs evidence: a plain paragraph break does not pay for it, a wider gap does.</summary>
    private const int SplitCost = 2;

    private static readonly SectionKind[] SheetOrder = [SectionKind.Objectives, SectionKind.Results, SectionKind.Summary];

    private sealed class Run
    {
        public List<SheetItem> Paragraphs { get; } = [];
        public SectionKind? Heading { get; set; }
        public bool AfterTable { get; set; }
    }

    public static SectionTexts Read(IReadOnlyList<SheetItem> items)
    {
        List<Run> runs = Runs(items);
        var section = new Dictionary<SheetItem, SectionKind>();
        var taken = new HashSet<SectionKind>();
        var pending = new List<Run>();
        foreach (Run run in runs.Where(r => r.AfterTable))
        {
            Assign(run, SectionKind.Summary, taken, section, pending);
        }
        foreach (Run run in runs.Where(r => !r.AfterTable))
        {
            if (run.Heading is SectionKind heading)
            {
                Assign(run, heading, taken, section, pending);
            }
            else
            {
                pending.Add(run);
            }
        }
        pending.Sort((a, b) => a.Paragraphs[0].Line.CompareTo(b.Paragraphs[0].Line));
        SectionKind[] open = [.. SheetOrder.Where(s => !taken.Contains(s))];
        if (pending.Count > 0 && open.Length > 0)
        {
            Share(pending, open, section);
        }
        AttachLeftovers(items, section);
        return new SectionTexts(Text(items, section, SectionKind.Summary), Text(items, section, SectionKind.Objectives), Text(items, section, SectionKind.Results));
    }

    private static void Assign(Run run, SectionKind kind, HashSet<SectionKind> taken, Dictionary<SheetItem, SectionKind> section, List<Run> pending)
    {
        if (!taken.Add(kind))
        {
            pending.Add(run);
            return;
        }
        foreach (SheetItem p in run.Paragraphs)
        {
            section[p] = kind;
        }
    }

    private static List<Run> Runs(IReadOnlyList<SheetItem> items)
    {
        var runs = new List<Run>();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != ItemKind.Paragraph)
            {
                continue;
            }
            if (i > 0 && items[i - 1].Kind == ItemKind.Paragraph)
            {
                runs[^1].Paragraphs.Add(items[i]);
                continue;
            }
            var run = new Run();
            run.Paragraphs.Add(items[i]);
            if (i > 0 && items[i - 1].IsEndLine)
            {
                run.AfterTable = true;
            }
            else if (i > 0 && items[i - 1].Kind == ItemKind.Heading && (i < 2 || items[i - 2].Kind != ItemKind.Heading))
            {
                run.Heading = items[i - 1].Heading;
            }
            runs.Add(run);
        }
        return runs;
    }

    /// <summary>Tries every way of sharing the open sections among the runs and keeps the best.</summary>
    private static void Share(List<Run> runs, SectionKind[] open, Dictionary<SheetItem, SectionKind> section)
    {
        List<List<int[]>> options = [.. runs.Select(r => Monotone(r.Paragraphs.Count, open.Length))];
        long combinations = options.Aggregate(1L, (n, o) => n * o.Count);
        if (combinations > 200_000)
        {
            options = [.. runs.Select(r => new List<int[]> { new int[r.Paragraphs.Count] })];
        }
        int[]? best = null;
        (int Coverage, int Score, int FewerObjectives) bestKey = (-1, int.MinValue, int.MinValue);
        int objectives = Array.IndexOf(open, SectionKind.Objectives);
        foreach (int[] labels in Combine(options))
        {
            var (coverage, score) = Evaluate(runs, labels, open);
            (int, int, int) key = (coverage, score, -labels.Count(l => l == objectives));
            if (best is null || key.CompareTo(bestKey) > 0 || (key.CompareTo(bestKey) == 0 && labels.AsSpan().SequenceCompareTo(best) < 0))
            {
                best = labels;
                bestKey = key;
            }
        }
        int k = 0;
        foreach (SheetItem p in runs.SelectMany(r => r.Paragraphs))
        {
            section[p] = open[best![k++]];
        }
    }

    private static (int Coverage, int Score) Evaluate(List<Run> runs, int[] labels, SectionKind[] open)
    {
        int score = 0, k = 0;
        foreach (Run run in runs)
        {
            for (int i = 0; i < run.Paragraphs.Count; i++, k++)
            {
                SheetItem p = run.Paragraphs[i];
                score += 2 * SectionCues.Affinity(p.Text, open[labels[k]]);
                if (i > 0 && labels[k] != labels[k - 1])
                {
                    score += p.GapBefore.Width + (p.Indented ? 4 : 0) - SplitCost;
                }
            }
        }
        return (labels.Distinct().Count(), score);
    }

    /// <summary>All non-decreasing label sequences of a run (sections keep their order within a text box).</summary>
    private static List<int[]> Monotone(int length, int labels)
    {
        var all = new List<int[]>();
        var current = new int[length];
        void Fill(int position, int lowest)
        {
            if (position == length)
            {
                all.Add((int[])current.Clone());
                return;
            }
            for (int l = lowest; l < labels; l++)
            {
                current[position] = l;
                Fill(position + 1, l);
            }
        }
        Fill(0, 0);
        return all;
    }

    private static IEnumerable<int[]> Combine(List<List<int[]>> options)
    {
        IEnumerable<int[]> combined = [[]];
        foreach (List<int[]> run in options)
        {
            combined = combined.SelectMany(prefix => run.Select(o => (int[])[.. prefix, .. o]));
        }
        return combined;
    }

    /// <summary>Paragraphs no section could take (all three were already read) join the section above them.</summary>
    private static void AttachLeftovers(IReadOnlyList<SheetItem> items, Dictionary<SheetItem, SectionKind> section)
    {
        List<SheetItem> paragraphs = [.. items.Where(x => x.Kind == ItemKind.Paragraph)];
        for (int i = 0; i < paragraphs.Count; i++)
        {
            if (section.ContainsKey(paragraphs[i]))
            {
                continue;
            }
            SheetItem? neighbour = paragraphs.Take(i).LastOrDefault(section.ContainsKey) ?? paragraphs.Skip(i + 1).FirstOrDefault(section.ContainsKey);
            if (neighbour is not null)
            {
                section[paragraphs[i]] = section[neighbour];
            }
        }
    }

    private static string? Text(IReadOnlyList<SheetItem> items, Dictionary<SheetItem, SectionKind> section, SectionKind kind)
    {
        string text = string.Join("\n\n", items.Where(x => x.Kind == ItemKind.Paragraph && section.TryGetValue(x, out SectionKind s) && s == kind).Select(x => x.Text));
        return text.Length == 0 ? null : text;
    }
}
