namespace Lynchpin.Core.Pay;

/// <summary>
/// Hides pay figures that could reveal a small group's pay, and so an individual's. First, any row whose pay figures
/// rest on fewer than five people. Then the rows from which such a group could be worked back: the report shows
/// overlapping rows (all support staff and each support family; all teaching and the teaching family; SLT rows inside
/// them), and the difference between two shown rows — or between a total and the families shown beside it — is itself a
/// group's figure. So a row is also hidden when another shown row contains it but for one to four people, and, among
/// the families of a category, when the hidden families together are one to four people (the next smallest is hidden
/// too, until they are five or more or all hidden).
/// </summary>
public static class PaySuppression
{
    public static IReadOnlyList<ParityRow> Apply(IReadOnlyList<ParityRow> rows)
    {
        var hidden = rows.Where(r => r.PayMembers.Count is > 0 and < ParityReport.MinimumGroupForPay).Select(r => r.Group).ToHashSet();
        bool changed;
        do
        {
            changed = HideNestedDifferences(rows, hidden) | HidePartitionRemainders(rows, hidden);
        }
        while (changed);
        return rows.Select(r => hidden.Contains(r.Group) ? r with { Pay = null, PaySuppressed = true } : r).ToList();
    }

    private static bool Shown(ParityRow row, HashSet<string> hidden) => row.PayMembers.Count > 0 && !hidden.Contains(row.Group);

    private static bool HideNestedDifferences(IReadOnlyList<ParityRow> rows, HashSet<string> hidden)
    {
        var changed = false;
        foreach (var outer in rows.Where(r => Shown(r, hidden)))
        {
            foreach (var inner in rows.Where(r => r != outer && Shown(r, hidden)))
            {
                var difference = outer.PayMembers.Count - inner.PayMembers.Count;
                if (difference is > 0 and < ParityReport.MinimumGroupForPay && inner.PayMembers.IsSubsetOf(outer.PayMembers))
                {
                    changed |= hidden.Add(inner.Group);
                }
            }
        }
        return changed;
    }

    /// <summary>The support families partition all support staff (as the teaching family does all teaching staff).</summary>
    private static bool HidePartitionRemainders(IReadOnlyList<ParityRow> rows, HashSet<string> hidden)
    {
        var changed = false;
        foreach (var total in rows.Where(r => r.Group is ParityReport.AllSupport or ParityReport.AllTeaching))
        {
            if (!Shown(total, hidden))
            {
                continue;
            }
            var parts = rows.Where(r => r.PayMembers.Count > 0 && r.PayMembers.IsSubsetOf(total.PayMembers)
                && r.Group is not (ParityReport.AllSupport or ParityReport.AllTeaching or ParityReport.SltQts or ParityReport.SltNonQts)).ToList();
            var hiddenPeople = parts.Where(p => hidden.Contains(p.Group)).Sum(p => p.PayMembers.Count);
            if (hiddenPeople is > 0 and < ParityReport.MinimumGroupForPay)
            {
                var next = parts.Where(p => !hidden.Contains(p.Group)).OrderBy(p => p.PayMembers.Count).ThenBy(p => p.Group).FirstOrDefault();
                // Every family hidden and still under five: then the total itself is the small group.
                changed |= hidden.Add(next?.Group ?? total.Group);
            }
        }
        return changed;
    }
}
