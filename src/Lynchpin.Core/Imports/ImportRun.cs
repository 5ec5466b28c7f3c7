using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Imports;

/// <summary>One run of an import, as its row mapper sees it: the school, who is importing, the columns, the problems.</summary>
public sealed class ImportRun
{
    private readonly School? school;
    private readonly Dictionary<object, int> firstLines = [];
    private SchoolStaff? staff;

    public ImportRun(School? school, Recorder? by)
    {
        this.school = school;
        By = by;
    }

    /// <summary>The school being imported into.</summary>
    /// <exception cref="InvalidOperationException">The import is not into one school (GIAS).</exception>
    public School School => school ?? throw new InvalidOperationException("This import is not into one school.");

    /// <summary>The school's id, or null for an import that is not into one school (GIAS).</summary>
    public int? SchoolId => school?.Id;

    /// <summary>The school's staff by staff_ref, for an import whose format names a staff_ref column.</summary>
    public SchoolStaff Staff
    {
        get => staff ?? throw new InvalidOperationException("This import's format names no staff_ref column.");
        internal set => staff = value;
    }

    /// <summary>Who is importing, for imports that record it.</summary>
    public Recorder? By { get; }

    /// <summary>The import's columns that the heading row has, spelled as the import spells them.</summary>
    public IReadOnlySet<string> Columns { get; internal set; } = new HashSet<string>();

    /// <summary>Every problem found so far; the pipeline sorts them by line.</summary>
    public List<RowError> Errors { get; } = [];

    public void Error(int line, string message) => Errors.Add(new RowError(line, message));

    /// <summary>Problems found but no longer held: only the first <see cref="ImportLimits.MaxReportedErrors"/> by line are reported.</summary>
    internal int DroppedErrors { get; private set; }

    /// <summary>
    /// Keeps the first problems by line (a stable sort: a line's own stay in order) and counts the rest, so a file bad on
    /// every row holds the server's memory no more than a good one. Rows are read in line order, so problems dropped
    /// here are never among the first of the final report, whatever later checks add.
    /// </summary>
    internal void KeepFirstErrors()
    {
        var max = ImportLimits.MaxReportedErrors;
        if (Errors.Count <= max)
        {
            return;
        }
        var first = Errors.OrderBy(e => e.Line).Take(max).ToList();
        DroppedErrors += Errors.Count - max;
        Errors.Clear();
        Errors.AddRange(first);
    }

    /// <summary>
    /// For values that must be unique in the file (a URN, a staff_ref): the line <paramref name="key"/> was first seen on,
    /// or null (and <paramref name="line"/> is remembered) when this is the first time.
    /// </summary>
    public int? EarlierLineOf(object key, int line) => firstLines.TryAdd(key, line) ? null : firstLines[key];
}
