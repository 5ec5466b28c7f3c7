namespace Lynchpin.Core.Pupils;

/// <summary>Why someone may read a pupil's record: what the audit row says they read it as.</summary>
public enum PupilReadReason
{
    SchoolLeader,
    DesignatedTeacher,
    SchoolChampion,
    NamedWorker,
    Coach,
    VirtualSchool,
}

/// <summary>
/// What an account brings to a pupil read: the schools it leads, its staff record, the schools in its coach's caseload
/// for the current school year, and the authority of its virtual school. Built once per request from the account.
/// </summary>
public sealed record PupilReader(IReadOnlySet<int> LedSchools, int? StaffMemberId, IReadOnlySet<int> CoachedSchools, string? VirtualSchoolLaCode)
{
    public static PupilReader Nobody { get; } = new(new HashSet<int>(), null, new HashSet<int>(), null);
}

/// <summary>The facts about a pupil that decide who may read them.</summary>
public sealed record PupilScope(int SchoolId, string? LaCode, int? DesignatedTeacherId, int? ChampionId, IReadOnlyCollection<int> WorkerStaffIds);

/// <summary>
/// Who may read a pupil's record (special category data): the leaders of the pupil's school, its designated teacher and
/// School Champion, staff the school names as working with the pupil, the coach with the school in this year's caseload,
/// and the virtual school of the pupil's responsible authority. Nobody else: not a teaching assistant, another school's
/// head, or a trust admin without a role in the school.
/// </summary>
public static class PupilAccess
{
    /// <summary>The first reason the reader may read the pupil, or null when they may not.</summary>
    public static PupilReadReason? WhyMayRead(PupilReader reader, PupilScope pupil, LaCodes codes)
    {
        if (reader.LedSchools.Contains(pupil.SchoolId))
        {
            return PupilReadReason.SchoolLeader;
        }
        if (reader.StaffMemberId is { } staff)
        {
            if (pupil.DesignatedTeacherId == staff)
            {
                return PupilReadReason.DesignatedTeacher;
            }
            if (pupil.ChampionId == staff)
            {
                return PupilReadReason.SchoolChampion;
            }
            if (pupil.WorkerStaffIds.Contains(staff))
            {
                return PupilReadReason.NamedWorker;
            }
        }
        if (reader.CoachedSchools.Contains(pupil.SchoolId))
        {
            return PupilReadReason.Coach;
        }
        if (reader.VirtualSchoolLaCode is { } la && codes.SameAuthority(la, pupil.LaCode))
        {
            return PupilReadReason.VirtualSchool;
        }
        return null;
    }

    public static string Describe(this PupilReadReason reason) => reason switch
    {
        PupilReadReason.SchoolLeader => "school leader",
        PupilReadReason.DesignatedTeacher => "designated teacher",
        PupilReadReason.SchoolChampion => "School Champion",
        PupilReadReason.NamedWorker => "named as working with the pupil",
        PupilReadReason.Coach => "achievement coach",
        _ => "virtual school",
    };
}
