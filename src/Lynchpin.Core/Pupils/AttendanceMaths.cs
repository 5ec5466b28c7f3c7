namespace Lynchpin.Core.Pupils;

/// <summary>A pupil's sessions over a period or a year: possible, attended, and absences authorised or not.</summary>
public readonly record struct Sessions(int Possible, int Attended, int Authorised, int Unauthorised)
{
    public int Absent => Authorised + Unauthorised;

    public static Sessions operator +(Sessions a, Sessions b) =>
        new(a.Possible + b.Possible, a.Attended + b.Attended, a.Authorised + b.Authorised, a.Unauthorised + b.Unauthorised);

    public static Sessions Sum(IEnumerable<Sessions> sessions) => sessions.Aggregate(default(Sessions), (a, b) => a + b);

    /// <summary>Why these counts cannot be a register's, or null: none negative, and possible = attended + authorised + unauthorised.</summary>
    public string? Problem()
    {
        if (Possible < 0 || Attended < 0 || Authorised < 0 || Unauthorised < 0)
        {
            return "session counts cannot be negative";
        }
        return Attended + Authorised + Unauthorised == Possible
            ? null
            : $"sessions_attended ({Attended}) + authorised ({Authorised}) + unauthorised ({Unauthorised}) make {Attended + Authorised + Unauthorised}, not sessions_possible ({Possible})";
    }
}

/// <summary>
/// Attendance as the DfE's absence statistics count it: rates are sessions over sessions, summed over every pupil and
/// period (never a mean of pupils' rates), and a pupil is persistently absent when they miss 10 % or more of their own
/// possible sessions in the year — so exactly 90 % attendance is persistent absence.
/// </summary>
public static class AttendanceMaths
{
    /// <summary>The persistent-absence line drawn on charts, as an attendance percentage.</summary>
    public const decimal PersistentAbsenceLine = 90m;

    /// <summary>Sessions attended ÷ sessions possible, as a percentage; null when no sessions were possible.</summary>
    public static decimal? AttendanceRate(Sessions sessions) =>
        sessions.Possible == 0 ? null : 100m * sessions.Attended / sessions.Possible;

    /// <summary>Sessions missed ÷ sessions possible, as a percentage (the DfE's overall absence rate).</summary>
    public static decimal? AbsenceRate(Sessions sessions) =>
        sessions.Possible == 0 ? null : 100m * sessions.Absent / sessions.Possible;

    /// <summary>Missed 10 % or more of possible sessions (compared in whole numbers, so no rounding moves a pupil across the line).</summary>
    public static bool IsPersistentlyAbsent(Sessions year) => year.Possible > 0 && 10L * year.Absent >= year.Possible;

    /// <summary>The cohort's attendance: every pupil's sessions added up, then attended ÷ possible.</summary>
    public static decimal? CohortAttendance(IEnumerable<Sessions> pupils) => AttendanceRate(Sessions.Sum(pupils));

    /// <summary>The share of pupils (with any possible sessions) who are persistently absent, as a percentage.</summary>
    public static decimal? PersistentAbsenceRate(IEnumerable<Sessions> pupils)
    {
        var counted = pupils.Where(p => p.Possible > 0).ToList();
        return counted.Count == 0 ? null : 100m * counted.Count(IsPersistentlyAbsent) / counted.Count;
    }
}
