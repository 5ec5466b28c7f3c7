using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Imports;

/// <summary>
/// A school's staff by staff_ref, for imports whose rows name people (assessments, objectives, timetables…). Refs are
/// matched exactly, as the staff import stores them and the database's unique index compares them.
/// </summary>
public sealed class SchoolStaff
{
    private readonly Dictionary<string, Person> byRef;

    private SchoolStaff(School school, Dictionary<string, Person> byRef)
    {
        School = school;
        this.byRef = byRef;
    }

    /// <summary>What an import needs to know of a member of staff.</summary>
    public sealed record Person(int Id, string StaffRef, DateOnly? StartDate);

    public School School { get; }

    public static async Task<SchoolStaff> LoadAsync(LynchpinDbContext db, School school, CancellationToken cancellationToken)
    {
        var people = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Id)
            .Select(s => new Person(s.Id, s.StaffRef, s.StartDate))
            .ToDictionaryAsync(s => s.StaffRef, StringComparer.Ordinal, cancellationToken);
        return new SchoolStaff(school, people);
    }

    public bool Contains(string staffRef) => byRef.ContainsKey(staffRef);

    public bool TryGet(string staffRef, out Person person) => byRef.TryGetValue(staffRef, out person!);

    /// <summary>The id of someone known to be on the staff (checked before the write).</summary>
    public int IdOf(string staffRef) => byRef[staffRef].Id;

    /// <summary>The message for a ref that names nobody on the school's staff.</summary>
    public string NotStaff(string column, string staffRef) =>
        $"{column} \"{staffRef}\" is not a member of staff at {School.Name}; check the reference or import the person first";
}
