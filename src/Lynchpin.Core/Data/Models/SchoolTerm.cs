using Lynchpin.Core.Schools;

namespace Lynchpin.Core.Data.Models;

/// <summary>A school's dates for one term of a year (see <see cref="TermCalendar"/>): school days and PEP deadlines count from them.</summary>
public class SchoolTerm
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int Year { get; set; }
    public TermName Term { get; set; }
    public DateOnly Starts { get; set; }
    public DateOnly Ends { get; set; }
    public DateOnly? HalfTermStarts { get; set; }
    public DateOnly? HalfTermEnds { get; set; }

    public TermDates ToTermDates() => new(Year, Term, Starts, Ends, HalfTermStarts, HalfTermEnds);
}
