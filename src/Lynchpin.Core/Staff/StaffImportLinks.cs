using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Microsoft.EntityFrameworkCore;
using C = Lynchpin.Core.Staff.StaffImportColumns;

namespace Lynchpin.Core.Staff;

/// <summary>A person anywhere in the trust, by school and staff_ref: new rows have no id until they are saved.</summary>
internal readonly record struct PersonKey(int SchoolId, string StaffRef);

internal sealed record SchoolInfo(int Id, int Urn, string Name);

internal sealed record StoredPerson(int Id, PersonKey Key, int? LineManagerId);

/// <summary>What an import needs to know about the rest of the school's trust: its schools and their stored staff.</summary>
internal sealed class StaffImportTrust
{
    private StaffImportTrust(Dictionary<int, SchoolInfo> schoolsByUrn, Dictionary<int, SchoolInfo> outsideSchoolsByUrn, List<StoredPerson> people)
    {
        SchoolsByUrn = schoolsByUrn;
        OutsideSchoolsByUrn = outsideSchoolsByUrn;
        People = people.ToDictionary(p => p.Key);
        KeysById = people.ToDictionary(p => p.Id, p => p.Key);
    }

    /// <summary>The schools whose staff may be named: the trust's, or just this school when it has no trust.</summary>
    public IReadOnlyDictionary<int, SchoolInfo> SchoolsByUrn { get; }

    /// <summary>Schools named by URN in the file that exist but are not in the trust (to say so, not "unknown URN").</summary>
    public IReadOnlyDictionary<int, SchoolInfo> OutsideSchoolsByUrn { get; }

    /// <summary>Stored staff of every school in <see cref="SchoolsByUrn"/>.</summary>
    public IReadOnlyDictionary<PersonKey, StoredPerson> People { get; }

    public IReadOnlyDictionary<int, PersonKey> KeysById { get; }

    public static async Task<StaffImportTrust> LoadAsync(LynchpinDbContext db, School school, List<StaffMember> storedHere,
        IReadOnlyList<StaffImportRow> rows, CancellationToken cancellationToken)
    {
        List<SchoolInfo> schools = school.TrustId is int trustId
            ? await db.Schools.AsNoTracking().Where(s => s.TrustId == trustId)
                .Select(s => new SchoolInfo(s.Id, s.Urn, s.Name)).ToListAsync(cancellationToken)
            : [new SchoolInfo(school.Id, school.Urn, school.Name)];
        var otherSchoolIds = schools.Where(s => s.Id != school.Id).Select(s => s.Id).ToList();

        // Line management may cross schools, so a cycle can too: the whole trust's reporting lines are needed.
        var people = storedHere.Select(s => new StoredPerson(s.Id, new PersonKey(s.SchoolId, s.StaffRef), s.LineManagerId)).ToList();
        if (otherSchoolIds.Count > 0)
        {
            people.AddRange(await db.StaffMembers.AsNoTracking()
                .Where(s => otherSchoolIds.Contains(s.SchoolId))
                .Select(s => new StoredPerson(s.Id, new PersonKey(s.SchoolId, s.StaffRef), s.LineManagerId))
                .ToListAsync(cancellationToken));
        }

        var schoolsByUrn = schools.ToDictionary(s => s.Urn);
        var outsideUrns = rows.SelectMany(r => new[] { r.LineManager, r.Coach })
            .Select(r => r?.Urn)
            .OfType<int>()
            .Where(urn => !schoolsByUrn.ContainsKey(urn))
            .Distinct()
            .ToList();
        var outside = outsideUrns.Count == 0
            ? []
            : await db.Schools.AsNoTracking().Where(s => outsideUrns.Contains(s.Urn))
                .Select(s => new SchoolInfo(s.Id, s.Urn, s.Name)).ToListAsync(cancellationToken);

        return new StaffImportTrust(schoolsByUrn, outside.ToDictionary(s => s.Urn), people);
    }
}

/// <summary>
/// Resolves line_manager_ref and coach_ref to people, and checks that line management stays a tree (no one ends up
/// managing themselves through a chain), across the trust, as it will be after the import.
/// </summary>
internal sealed class StaffImportLinks(School school, StaffImportTrust trust, IReadOnlyDictionary<string, StaffImportRow> fileRows,
    IReadOnlySet<string> columns)
{
    private readonly Dictionary<StaffImportRow, PersonKey?> lineManagers = [];
    private readonly Dictionary<StaffImportRow, PersonKey?> coaches = [];

    public PersonKey? LineManagerOf(StaffImportRow row) => lineManagers.GetValueOrDefault(row);

    public PersonKey? CoachOf(StaffImportRow row) => coaches.GetValueOrDefault(row);

    /// <summary>Finds the row's line manager and coach, adding an error for each that can't be used.</summary>
    public void Resolve(StaffImportRow row, List<RowError> errors)
    {
        lineManagers[row] = Resolve(row, C.LineManagerRef, row.LineManager, "line manager", errors);
        coaches[row] = Resolve(row, C.CoachRef, row.Coach, "coach", errors);
    }

    /// <summary>The stored id of a person, or the new id of a person this import just saved.</summary>
    public int? IdOf(PersonKey? key, IReadOnlyDictionary<string, StaffMember> saved) => key switch
    {
        null => null,
        { } k when k.SchoolId == school.Id && saved.TryGetValue(k.StaffRef, out var person) => person.Id,
        { } k => trust.People[k].Id,
    };

    /// <summary>
    /// Walks up from every person in the file; a walk that comes back to a person already on it has found a loop.
    /// Each loop is reported once, on every file row in it, naming everyone in it. Loops made only of stored staff
    /// were not made by this file and are left alone.
    /// </summary>
    public void CheckLineManagementCycles(List<RowError> errors)
    {
        if (!columns.Contains(C.LineManagerRef))
        {
            return; // Reporting lines are unchanged, so no loop can be new.
        }
        const int onPath = 1, done = 2;
        var state = new Dictionary<PersonKey, int>();
        foreach (var row in fileRows.Values.OrderBy(r => r.Line))
        {
            var path = new List<PersonKey>();
            PersonKey? node = new PersonKey(school.Id, row.StaffRef);
            while (node is { } current && !state.ContainsKey(current))
            {
                state[current] = onPath;
                path.Add(current);
                node = ManagerOf(current);
            }
            if (node is { } repeated && state[repeated] == onPath)
            {
                ReportCycle(path[path.IndexOf(repeated)..], errors);
            }
            foreach (var visited in path)
            {
                state[visited] = done;
            }
        }
    }

    private PersonKey? ManagerOf(PersonKey person)
    {
        if (person.SchoolId == school.Id && fileRows.TryGetValue(person.StaffRef, out var row))
        {
            return LineManagerOf(row);
        }
        return trust.People.TryGetValue(person, out var stored) && stored.LineManagerId is int id
            && trust.KeysById.TryGetValue(id, out var manager)
            ? manager
            : null;
    }

    private void ReportCycle(List<PersonKey> cycle, List<RowError> errors)
    {
        var rowsInCycle = cycle
            .Where(k => k.SchoolId == school.Id && fileRows.ContainsKey(k.StaffRef))
            .Select(k => fileRows[k.StaffRef])
            .OrderBy(r => r.Line)
            .ToList();
        if (rowsInCycle.Count == 0)
        {
            return;
        }
        // Start the description at the earliest row so every row in the loop gets the same sentence.
        var start = cycle.IndexOf(new PersonKey(school.Id, rowsInCycle[0].StaffRef));
        var ordered = cycle[start..].Concat(cycle[..start]).Select(Describe).ToList();
        var links = new List<string> { $"{ordered[0]}'s line manager is {ordered[1 % ordered.Count]}" };
        for (var i = 1; i < ordered.Count; i++)
        {
            links.Add($"whose line manager is {ordered[(i + 1) % ordered.Count]}");
        }
        var chain = string.Join(", ", links);
        var message = $"{C.LineManagerRef} makes line management go round in a circle: {chain}";
        errors.AddRange(rowsInCycle.Select(r => new RowError(r.Line, message)));
    }

    private string Describe(PersonKey key)
    {
        if (key.SchoolId == school.Id)
        {
            return key.StaffRef;
        }
        var urn = trust.SchoolsByUrn.Values.First(s => s.Id == key.SchoolId).Urn;
        return $"{urn}:{key.StaffRef}";
    }

    private PersonKey? Resolve(StaffImportRow row, string column, StaffReference? reference, string role, List<RowError> errors)
    {
        if (reference is not { } named)
        {
            return null;
        }
        void Error(string message) => errors.Add(new RowError(row.Line, $"{column} \"{named}\" {message}"));

        PersonKey key;
        if (named.Urn is null || named.Urn == school.Urn)
        {
            key = new PersonKey(school.Id, named.StaffRef);
            if (!fileRows.ContainsKey(named.StaffRef) && !trust.People.ContainsKey(key))
            {
                Error($"is not a staff_ref in this file or among {school.Name}'s staff{Suggestion(named.StaffRef)}");
                return null;
            }
        }
        else if (trust.SchoolsByUrn.TryGetValue(named.Urn.Value, out var other))
        {
            key = new PersonKey(other.Id, named.StaffRef);
            if (!trust.People.ContainsKey(key))
            {
                Error($"is not known: {other.Name} (URN {other.Urn}) has no member of staff with staff_ref \"{named.StaffRef}\"");
                return null;
            }
        }
        else
        {
            if (!trust.OutsideSchoolsByUrn.TryGetValue(named.Urn.Value, out var outside))
            {
                Error($"is not known: there is no school with URN {named.Urn}");
            }
            else if (school.TrustId is null)
            {
                Error($"names someone at {outside.Name}, but {school.Name} is not in a trust; a {role} from another school must be in the same trust");
            }
            else
            {
                Error($"names someone at {outside.Name}, which is not in the same trust as {school.Name}; a {role} from another school must be in the same trust");
            }
            return null;
        }

        if (key == new PersonKey(school.Id, row.StaffRef))
        {
            Error($"is this person's own staff_ref; a person can't be their own {role}");
            return null;
        }
        return key;
    }

    // A ref that differs only in case is almost certainly what was meant; refs are matched exactly, like the database.
    private string Suggestion(string staffRef)
    {
        var near = fileRows.Keys
            .Concat(trust.People.Keys.Where(k => k.SchoolId == school.Id).Select(k => k.StaffRef))
            .FirstOrDefault(r => string.Equals(r, staffRef, StringComparison.OrdinalIgnoreCase));
        return near is null ? "" : $" (did you mean \"{near}\"?)";
    }
}
