using Lynchpin.Core.Data.Models;

namespace Lynchpin.Bench.Profile;

/// <summary>The generator's rows as the app's entities, for <see cref="Core.Data.TableWriter"/>; names and emails are made from the id.</summary>
public static class ProfileEntities
{
    public static IEnumerable<Trust> Trusts(ProfileGenerator generator) =>
        generator.Trusts.Select(t => new Trust { Id = t.Id, Code = t.Code, Name = t.Name, Kind = TrustKind.MultiAcademyTrust });

    public static IEnumerable<School> Schools(ProfileGenerator generator) => generator.Schools.Select(s => new School
    {
        Id = s.Id,
        Urn = s.Urn,
        Name = s.Name,
        Phase = s.Phase,
        NumberOfPupils = s.Pupils,
        LocalAuthority = s.LocalAuthority,
        IsOpen = true,
        TrustId = s.TrustId,
    });

    public static IEnumerable<CheckpointDate> CheckpointDates(ProfileGenerator generator) => generator.CheckpointDates.Select(d =>
        new CheckpointDate { Id = d.Id, SchoolId = d.SchoolId, Year = d.Year, Checkpoint = d.Checkpoint, Date = d.Date });

    public static (string First, string Last) Name(int staffId) =>
        (ProfileGenerator.FirstNames[staffId % ProfileGenerator.FirstNames.Length],
         ProfileGenerator.LastNames[staffId / ProfileGenerator.FirstNames.Length % ProfileGenerator.LastNames.Length]);

    public static string FullName(int staffId) => Name(staffId) is var (first, last) ? $"{first} {last}" : "";

    public static string StaffRef(int staffId) => $"S{staffId:D7}";

    public static IEnumerable<StaffMember> Staff(ProfileGenerator generator)
    {
        var urnOf = generator.Schools.ToDictionary(s => s.Id, s => s.Urn);
        foreach (var s in generator.Staff)
        {
            var (first, last) = Name(s.Id);
            var teaching = s.Family == RoleFamily.Teaching;
            yield return new StaffMember
            {
                Id = s.Id,
                SchoolId = s.SchoolId,
                StaffRef = StaffRef(s.Id),
                FirstName = first,
                LastName = last,
                Email = $"{first}.{last}{s.Id}@school{urnOf[s.SchoolId]}.example".ToLowerInvariant(),
                JobTitle = ProfileGenerator.JobTitle(s.Family, s.Slt),
                RoleFamily = s.Family,
                Qts = teaching,
                Slt = s.Slt,
                StartDate = s.Start,
                LeavingDate = s.Leaving,
                HoursPerWeek = teaching ? 32.5m : 30m,
                WeeksPerYear = teaching ? 39m : 40.4m,
                LineManagerId = s.LineManagerId,
            };
        }
    }

    /// <summary>Streamed: nationally there are twenty million.</summary>
    public static IEnumerable<Assessment> Assessments(ProfileGenerator generator) => generator.Assessments().Select(a => new Assessment
    {
        Id = a.Id,
        StaffMemberId = a.StaffMemberId,
        Year = a.Year,
        Checkpoint = a.Checkpoint,
        Stage = a.Stage,
        AssessedOn = a.AssessedOn,
        AssessorId = a.AssessorId,
        CriteriaMet = [.. a.CriteriaMet],
        Note = a.Note,
        Version = a.Version,
        IsCurrent = a.IsCurrent,
        RecordedAt = a.AssessedOn.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
        RecordedByName = a.RecordedByName,
    });
}
