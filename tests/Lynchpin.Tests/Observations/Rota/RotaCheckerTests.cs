using Lynchpin.Core.Observations.Rota;
using static Lynchpin.Tests.Observations.Rota.RotaExample;

namespace Lynchpin.Tests.Observations.Rota;

/// <summary>Each rule broken once on the hand-made school in <see cref="RotaExample"/>.</summary>
public class RotaCheckerTests
{
    private static RotaViolation Single(params Visit[] rota)
    {
        var violations = RotaChecker.Check(Problem(), rota);
        return Assert.Single(violations);
    }

    [Fact]
    public void Check_ValidRota_HasNoViolations()
    {
        Assert.Empty(RotaChecker.Check(Problem(), ValidRota));
    }

    [Fact]
    public void Check_ObserverNotOnTheRota_IsReported()
    {
        var v = Single(Visit(Mon9, "1", "X99", "T2", "7C"));
        Assert.Equal(RotaRule.UnknownObserver, v.Rule);
        Assert.Equal("X99 is not an observer on this rota.", v.Message);
    }

    [Fact]
    public void Check_VisitingSomeoneWhoDoesNotLeadLessons_IsReported()
    {
        var v = Single(Visit(Mon9, "1", "AC9", "TA1", "9A"));
        Assert.Equal(RotaRule.NotAnObservee, v.Rule);
    }

    [Fact]
    public void Check_DateOutsideTheRange_IsReported()
    {
        var v = Single(Visit(Mon16, "1", "AC9", "T1", "9A"));
        Assert.Equal(RotaRule.OutsideRange, v.Rule);
        Assert.Equal("Mon 16 Nov 2026 is outside the rota (Mon 2 Nov 2026 to Tue 10 Nov 2026).", v.Message);
    }

    [Fact]
    public void Check_Weekend_IsNotASchoolDay()
    {
        var v = Single(Visit(Sat7, "1", "AC9", "T1", "9A"));
        Assert.Equal(RotaRule.NotASchoolDay, v.Rule);
        Assert.Equal("Sat 7 Nov 2026 is a weekend.", v.Message);
    }

    [Fact]
    public void Check_BlockedDate_IsNotASchoolDay()
    {
        var v = Single(Visit(Wed4, "1", "AC9", "T1", "9A"));
        Assert.Equal(RotaRule.NotASchoolDay, v.Rule);
        Assert.Equal("Wed 4 Nov 2026 is blocked in the school calendar.", v.Message);
    }

    [Fact]
    public void Check_LessonOnlyInTheOtherWeek_IsNoSuchLesson()
    {
        // Sara teaches 9B in period 2 in week A only; 9 Nov is week B.
        var v = Single(Visit(Mon9, "2", "AC9", "T2", "9B"));
        Assert.Equal(RotaRule.NoSuchLesson, v.Rule);
        Assert.Equal("Sara Cole (T2) does not teach 9B in period 2 on Mon 9 Nov 2026 (week B).", v.Message);
    }

    [Fact]
    public void Check_ObservingOwnLesson_IsReported()
    {
        var v = Single(Visit(Mon2, "2", "T3", "T3", "8A"));
        Assert.Equal(RotaRule.OwnLesson, v.Rule);
    }

    [Fact]
    public void Check_ObserverTimetabledInAClass_IsTeaching()
    {
        // Jo, a TA, supports 9A in period 1: a support row makes her busy too.
        var v = Single(Visit(Mon2, "1", "TA1", "T2", "7C"));
        Assert.Equal(RotaRule.ObserverTeaching, v.Rule);
        Assert.Equal("Jo Ward (TA1) is timetabled with 9A (Maths) in period 1 on Mon 2 Nov 2026 (week A).", v.Message);
    }

    [Fact]
    public void Check_ObserverOnDuty_IsReported()
    {
        var v = Single(Visit(Tue3, "1", "AC9", "T1", "10B"));
        Assert.Equal(RotaRule.ObserverOnDuty, v.Rule);
        Assert.Equal("Amira Khan (AC9) is on duty (Reception) in period 1 on Tue 3 Nov 2026 (week A).", v.Message);
    }

    [Fact]
    public void Check_TwoVisitsInOnePeriod_IsDoubleBooked()
    {
        var second = Visit(Mon2, "1", "AC9", "T2", "7C");
        var v = Single(Visit(Mon2, "1", "AC9", "T1", "9A"), second);
        Assert.Equal(RotaRule.ObserverDoubleBooked, v.Rule);
        Assert.Same(second, v.Visit);
        Assert.Equal("Amira Khan (AC9) has 2 visits in period 1 on Mon 2 Nov 2026; the most is one.", v.Message);
    }

    [Fact]
    public void Check_TwoObserversInOneLesson_IsLessonFull()
    {
        var v = Single(Visit(Mon2, "1", "AC9", "T1", "9A"), Visit(Mon2, "1", "T3", "T1", "9a"));
        Assert.Equal(RotaRule.LessonFull, v.Rule);
        Assert.Equal("9A with Tom Reed (T1) in period 1 on Mon 2 Nov 2026 has 2 observers; the most is 1.", v.Message);
    }

    [Fact]
    public void Check_TwoObserversInOneLesson_AllowedWhenTheSettingSaysSo()
    {
        var problem = Problem(new RotaSettings { MaxObserversPerLesson = 2 });
        Assert.Empty(RotaChecker.Check(problem, [Visit(Mon2, "1", "AC9", "T1", "9A"), Visit(Mon2, "1", "T3", "T1", "9A")]));
    }

    [Fact]
    public void Check_ThirdVisitToOneObservee_IsOverTheLimit()
    {
        var third = Visit(Mon9, "1", "AC9", "T1", "9A");
        var v = Single(Visit(Mon2, "1", "AC9", "T1", "9A"), Visit(Tue3, "1", "T3", "T1", "10B"), third);
        Assert.Equal(RotaRule.ObserveeOverLimit, v.Rule);
        Assert.Same(third, v.Visit);
        Assert.Equal("Tom Reed (T1) has 3 visits; the most is 2.", v.Message);
    }

    [Fact]
    public void Check_MoreVisitsThanTheObserverAskedFor_IsOverTheLimit()
    {
        var v = Single(Visit(Mon2, "1", "T3", "T1", "9A"), Visit(Mon9, "1", "T3", "T2", "7C"));
        Assert.Equal(RotaRule.ObserverOverLimit, v.Rule);
        Assert.Equal("Ravi Shah (T3) has 2 visits but asked for 1.", v.Message);
    }
}
