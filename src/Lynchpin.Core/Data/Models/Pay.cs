namespace Lynchpin.Core.Data.Models;

/// <summary>
/// A person's pay for a school year: scale and point, full-time-equivalent salary, and the hours and paid weeks of the
/// contract. Read only through <c>Pay.PayRecords</c>, which checks pay access and audits every read.
/// Its own table, as the pay recommendation is, so that loading a person never carries it to a page or an export.
/// </summary>
public class PayRecord
{
    public const int ScaleMaxLength = 40;
    public const string PersonYearUniqueIndexName = "ix_pay_records_staff_member_id_year";

    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    /// <summary>The academic year by its start: 2025 is 2025/26.</summary>
    public int Year { get; set; }
    /// <summary>Free text as schools write it: MPS, UPS, LPS, NJC or the school's own.</summary>
    public required string Scale { get; set; }
    public int? Point { get; set; }
    public decimal FteSalary { get; set; }
    public decimal? HoursPerWeek { get; set; }
    /// <summary>Contracted weeks a year: 52 all year round; term-time only is 39 working weeks (paid with holiday on top).</summary>
    public decimal? WeeksPerYear { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>
/// Hours a person works at a school of the trust other than their own (a federation's business manager, say). Their
/// own school has the rest of their hours; each school lists them once and counts its share of their FTE.
/// </summary>
public class StaffSchoolHours
{
    public const string PersonSchoolUniqueIndexName = "ix_staff_school_hours_staff_member_id_school_id";

    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public decimal HoursPerWeek { get; set; }
}
