using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Appraisals;

/// <summary>
/// Adds objectives to a school's appraisals from CSV or XLSX, all or nothing: every row is checked first, and if any is
/// wrong nothing changes and every problem is listed with its line; otherwise all rows are written in one transaction.
/// </summary>
/// <remarks>
/// <para>One row per objective: staff_ref, year (2025 or 2025/26), title, type (pupil-progress, professional-development,
/// school-priority or role-specific), success_criteria (measurable, as on the page) and optionally school_priority.</para>
/// <para>The year's cycle must be open and the person must have an appraisal in it whose objectives are not agreed;
/// nobody may end up with more than <see cref="AppraisalRules.MaxObjectives"/>. A row that repeats an objective the person
/// already has (same title, type, criteria and priority) is left alone, so uploading the same file twice adds nothing;
/// one with the same title but other words is refused rather than guessed at.</para>
/// </remarks>
public class ObjectiveImporter(LynchpinDbContext db)
    : SchoolImporter<ObjectiveImporter.Row>(db, new(ObjectiveImportColumns.Required, ObjectiveImportColumns.Optional, "objectives", ObjectiveImportColumns.StaffRef))
{
    protected override Row Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var school = run.School;
        var years = rows.Where(r => r.Year is not null).Select(r => r.Year!.Value).Distinct().ToList();
        var cycles = await Db.AppraisalCycles.AsNoTracking()
            .Where(c => c.SchoolId == school.Id && years.Contains(c.Year))
            .ToDictionaryAsync(c => c.Year, cancellationToken);
        var cycleIds = cycles.Values.Select(c => c.Id).ToList();
        // Tracked: the write adds to these appraisals' objectives.
        var appraisals = (await Db.Appraisals.Include(a => a.Objectives)
                .Where(a => cycleIds.Contains(a.CycleId))
                .ToListAsync(cancellationToken))
            .ToDictionary(a => (a.StaffMemberId, a.CycleId));

        // Each row's appraisal, or null when the row cannot be placed (and the reason is reported).
        var targets = new Dictionary<Row, Appraisal>();
        foreach (var row in rows)
        {
            void Error(string message) => run.Error(row.Line, message);

            int? personId = run.Staff.TryGet(row.StaffRef, out var person) ? person.Id : null;
            if (row.Year is not int year)
            {
                continue;
            }
            if (!cycles.TryGetValue(year, out var cycle))
            {
                Error($"The {SchoolYear.Name(year)} appraisal cycle is not open at {school.Name}; open it first (appraisal open --school {school.Urn} --year {year})");
                continue;
            }
            if (personId is not int id)
            {
                continue;
            }
            if (cycle.IsClosed)
            {
                Error(ClosedCycles.Message(cycle));
                continue;
            }
            if (!appraisals.TryGetValue((id, cycle.Id), out var appraisal))
            {
                Error($"{row.StaffRef} has no appraisal in {SchoolYear.Name(year)}: they were not in post when the cycle opened. Open the cycle again to add people who joined since");
                continue;
            }
            if (appraisal.ObjectivesStatus == ObjectivesStatus.Agreed)
            {
                Error($"{row.StaffRef}'s objectives for {SchoolYear.Name(year)} are agreed; reopen them, with a reason, on their appraisal page before adding more");
                continue;
            }
            targets[row] = appraisal;
        }

        var toAdd = FindRepeatsAndCheckCounts(targets, run.Errors);
        return ct => WriteAsync(toAdd, targets.Count, ct);
    }

    private async Task<ImportResult> WriteAsync(List<(Row Row, Appraisal Appraisal)> toAdd, int matched, CancellationToken cancellationToken)
    {
        foreach (var (row, appraisal) in toAdd)
        {
            var sortOrder = appraisal.Objectives.Count == 0 ? 1 : appraisal.Objectives.Max(o => o.SortOrder) + 1;
            appraisal.Objectives.Add(AppraisalObjectives.NewObjective(row.Input, sortOrder));
            // New objectives after the person disagreed ask them to look at the set again.
            if (appraisal.ObjectivesStatus == ObjectivesStatus.NotAgreed)
            {
                appraisal.ObjectivesStatus = ObjectivesStatus.Draft;
            }
        }
        await Db.SaveChangesAsync(cancellationToken);
        return new ImportResult(toAdd.Count, 0, []) { Unchanged = matched - toAdd.Count };
    }

    /// <summary>
    /// Leaves out rows the person already has word for word, refuses a title used twice for one person (in the file, or a
    /// stored objective worded otherwise), and refuses any row that would take a person past the most objectives allowed.
    /// </summary>
    private static List<(Row Row, Appraisal Appraisal)> FindRepeatsAndCheckCounts(Dictionary<Row, Appraisal> targets, List<RowError> errors)
    {
        var toAdd = new List<(Row, Appraisal)>();
        foreach (var group in targets.GroupBy(t => t.Value, t => t.Key))
        {
            var appraisal = group.Key;
            var added = 0;
            foreach (var row in group.OrderBy(r => r.Line))
            {
                var input = row.Input;
                var stored = appraisal.Objectives.FirstOrDefault(o => SameTitle(o.Title, input.Title!));
                if (stored is not null)
                {
                    if (stored.Type == input.Type && stored.SuccessCriteria == input.SuccessCriteria!.Trim()
                        && stored.SchoolPriority == Clean(input.SchoolPriority))
                    {
                        continue;
                    }
                    errors.Add(new RowError(row.Line,
                        $"{row.StaffRef} already has an objective titled ‘{stored.Title}’ in {SchoolYear.Name(row.Year!.Value)} with other details; change it on their appraisal page, or give this one another title"));
                    continue;
                }
                var twin = group.FirstOrDefault(r => r.Line < row.Line && SameTitle(r.Input.Title!, input.Title!));
                if (twin is not null)
                {
                    errors.Add(new RowError(row.Line,
                        $"{row.StaffRef} has another objective titled ‘{input.Title!.Trim()}’ on line {twin.Line}; give each objective its own title"));
                    continue;
                }
                added++;
                var total = appraisal.Objectives.Count + added;
                if (total > AppraisalRules.MaxObjectives)
                {
                    errors.Add(new RowError(row.Line,
                        $"{row.StaffRef} would have {total} objectives in {SchoolYear.Name(row.Year!.Value)}: {appraisal.Objectives.Count} already and {added} from this file up to this line; an appraisal has at most {AppraisalRules.MaxObjectives}"));
                    continue;
                }
                toAdd.Add((row, appraisal));
            }
        }
        return toAdd;
    }

    private static bool SameTitle(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One row of the file, its values read on their own; a value that did not read is null (and reported).</summary>
    public sealed class Row
    {
        public int Line { get; private init; }
        public string StaffRef { get; private init; } = "";
        public int? Year { get; private init; }
        public ObjectiveInput Input { get; private init; } = null!;

        public static Row Parse(TabularRow row, List<RowError> errors)
        {
            var line = row.Line;
            void Error(string message) => errors.Add(new RowError(line, message));

            var staffRef = row[ObjectiveImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                Error($"{ObjectiveImportColumns.StaffRef} is empty; every row needs the staff reference of the person whose objective it is");
            }

            int? year = null;
            var yearText = row[ObjectiveImportColumns.Year];
            if (AssessmentImporter.TryParseYear(yearText, out var parsedYear))
            {
                year = parsedYear;
            }
            else
            {
                Error(yearText.Length == 0
                    ? $"{ObjectiveImportColumns.Year} is empty; write the school year, such as 2025 or 2025/26"
                    : $"{ObjectiveImportColumns.Year} \"{yearText}\" is not a school year; write it as 2025 or 2025/26");
            }

            var title = row[ObjectiveImportColumns.Title];
            if (title.Length == 0)
            {
                Error($"{ObjectiveImportColumns.Title} is empty; every objective needs a title");
            }
            else if (title.Length > Objective.TitleMaxLength)
            {
                Error(ImportValues.TooLong(ObjectiveImportColumns.Title, title, Objective.TitleMaxLength));
            }

            ObjectiveType? type = null;
            var typeText = row[ObjectiveImportColumns.Type];
            if (AppraisalCodes.TryParseObjectiveType(typeText, out var parsedType))
            {
                type = parsedType;
            }
            else
            {
                var codes = string.Join(", ", AppraisalCodes.ObjectiveTypes.Select(t => t.Code()));
                Error(typeText.Length == 0
                    ? $"{ObjectiveImportColumns.Type} is empty; use one of {codes}"
                    : $"{ObjectiveImportColumns.Type} \"{typeText}\" is not a type of objective; use one of {codes}");
            }

            var criteria = row[ObjectiveImportColumns.SuccessCriteria];
            if (criteria.Length == 0)
            {
                Error($"{ObjectiveImportColumns.SuccessCriteria} is empty; say how you will both know the objective is met");
            }
            else if (criteria.Length > Objective.SuccessCriteriaMaxLength)
            {
                Error(ImportValues.TooLong(ObjectiveImportColumns.SuccessCriteria, criteria, Objective.SuccessCriteriaMaxLength));
            }
            else if (!AppraisalRules.IsMeasurable(criteria))
            {
                Error($"{ObjectiveImportColumns.SuccessCriteria} \"{criteria}\" is not measurable; include a number, a percentage or a date, such as \"by July\"");
            }

            var priority = row[ObjectiveImportColumns.SchoolPriority];
            if (priority.Length > Objective.ShortTextMaxLength)
            {
                Error(ImportValues.TooLong(ObjectiveImportColumns.SchoolPriority, priority, Objective.ShortTextMaxLength));
            }

            return new Row
            {
                Line = line,
                StaffRef = staffRef,
                Year = year,
                Input = new ObjectiveInput(title, criteria, type, priority.Length == 0 ? null : priority),
            };
        }
    }
}
