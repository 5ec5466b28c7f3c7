using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Tests.Coaching;

public class ImpactCalculatorTests
{
    private static PupilYear Half(int pupil, int year, int attended, int suspensions = 0) =>
        new(pupil, year, new Sessions(50, attended, 50 - attended, 0), suspensions, "999");

    /// <summary>
    /// Five pupils in 2025/26, each 100 possible sessions over two halves: 90, 95, 100, 80 and 85 attended; pupils 4 and 5
    /// suspended. A 2024 row for pupil 1 must be ignored.
    /// </summary>
    private static readonly PupilYear[] Cohort =
    [
        Half(1, 2025, 45), Half(1, 2025, 45),
        Half(2, 2025, 50), Half(2, 2025, 45),
        Half(3, 2025, 50), Half(3, 2025, 50),
        Half(4, 2025, 40, suspensions: 2), Half(4, 2025, 40),
        Half(5, 2025, 40), Half(5, 2025, 45, suspensions: 1),
        Half(1, 2024, 0),
    ];

    [Fact]
    public void BaselineYear_IsTheYearBeforeTheFirstCaseloadYear()
    {
        Assert.Equal(2023, ImpactCalculator.BaselineYear([2025, 2024, 2026]));
        Assert.Null(ImpactCalculator.BaselineYear([]));
    }

    [Fact]
    public void Figure_Attendance_SumsSessionsOverPeriodsAndPupils()
    {
        // 450 attended of 500 possible = 90.0 %; interval as worked in IntervalsTests: 80.19 to 99.81, shown 80.2 to 99.8.
        var figure = ImpactCalculator.Figure(ImpactMeasure.Attendance, 2025, Cohort);

        Assert.Equal((2025, 5, 90.0m), (figure.Year, figure.N, figure.Value));
        Assert.Equal((80.2m, 99.8m), (figure.Low, figure.High));
        Assert.False(figure.TooFew);
    }

    [Fact]
    public void Figure_PersistentAbsence_CountsPupilsMissingTenPercentOrMore()
    {
        // Pupils 1 (exactly 10 % missed), 4 (20 %) and 5 (15 %): 3 of 5 = 60.0 %; Wilson(3, 5) = 23.07 to 88.24.
        var figure = ImpactCalculator.Figure(ImpactMeasure.PersistentAbsence, 2025, Cohort);

        Assert.Equal((5, 60.0m), (figure.N, figure.Value));
        Assert.Equal((23.1m, 88.2m), (figure.Low, figure.High));
    }

    [Fact]
    public void Figure_Suspensions_IsTheShareWithOneOrMore()
    {
        // Pupils 4 (two) and 5 (one): 2 of 5 = 40.0 %; Wilson(2, 5) = 11.76 to 76.93.
        var figure = ImpactCalculator.Figure(ImpactMeasure.Suspensions, 2025, Cohort);

        Assert.Equal((5, 40.0m), (figure.N, figure.Value));
        Assert.Equal((11.8m, 76.9m), (figure.Low, figure.High));
    }

    [Fact]
    public void Figure_FourPupils_IsTooFewWithNoValueOrInterval()
    {
        var figure = ImpactCalculator.Figure(ImpactMeasure.Attendance, 2025, Cohort.Where(p => p.PupilId != 5));

        Assert.Equal(4, figure.N);
        Assert.True(figure.TooFew);
        Assert.Null(figure.Value);
        Assert.Null(figure.Low);
    }

    [Fact]
    public void Figure_PupilWithNoPossibleSessions_IsNotInTheCohort()
    {
        var figure = ImpactCalculator.Figure(ImpactMeasure.Attendance, 2024, Cohort);

        Assert.Equal(1, figure.N);   // pupil 1's 2024 row has 50 possible sessions, none attended
        Assert.Equal(0, ImpactCalculator.Figure(ImpactMeasure.Attendance, 2022, Cohort).N);
    }

    private static OutcomeReference Published(int year, ReferenceLevel level, string area, string measure, decimal? value, string? symbol = null,
        string group = "CLA 12 months at 31 March", string phase = "Total") => new()
        {
            Year = year,
            Level = level,
            AreaCode = area,
            OldLaCode = level == ReferenceLevel.LocalAuthority ? "999" : null,
            AreaName = level == ReferenceLevel.National ? "England" : "Exampleshire",
            SocialCareGroup = group,
            Phase = phase,
            Measure = measure,
            Value = value,
            Symbol = symbol,
        };

    /// <summary>The figures of the DfE layout file (pt_overall and pt_pupils_pa_10_exact, CLA 12 months).</summary>
    private static readonly OutcomeReference[] Layout =
    [
        Published(2023, ReferenceLevel.National, "E92000001", "pt_overall", 13.3m),
        Published(2023, ReferenceLevel.LocalAuthority, "E99999999", "pt_overall", 5.5m),
        Published(2024, ReferenceLevel.National, "E92000001", "pt_overall", 23.0m),
        Published(2024, ReferenceLevel.LocalAuthority, "E99999999", "pt_overall", 25.0m),
        Published(2023, ReferenceLevel.National, "E92000001", "pt_pupils_pa_10_exact", 22.5m),
        Published(2024, ReferenceLevel.LocalAuthority, "E99999999", "pt_pupils_pa_10_exact", null, "c"),
        Published(2023, ReferenceLevel.National, "E92000001", "pt_overall", 14.4m, group: "CINO at 31 March"),
        Published(2023, ReferenceLevel.National, "E92000001", "pt_overall", 9.9m, phase: "Primary"),
    ];

    [Fact]
    public void References_Attendance_IsOneHundredMinusOverallAbsenceForLookedAfterChildren()
    {
        var codes = new LaCodes([("999", "E99999999")]);

        var figures = ImpactCalculator.References(ImpactMeasure.Attendance, [2023, 2024], ["999"], Layout, codes);

        Assert.Equal([
            new ReferenceFigure("national", null, "England", 2023, 86.7m, null),
            new ReferenceFigure("local-authority", "E99999999", "Exampleshire", 2023, 94.5m, null),
            new ReferenceFigure("national", null, "England", 2024, 77.0m, null),
            new ReferenceFigure("local-authority", "E99999999", "Exampleshire", 2024, 75.0m, null),
        ], figures);
    }

    [Fact]
    public void References_SuppressedFigure_HasNoValueButKeepsItsSymbol()
    {
        var figures = ImpactCalculator.References(ImpactMeasure.PersistentAbsence, [2023, 2024], ["E99999999"], Layout, LaCodes.None);

        Assert.Equal([
            new ReferenceFigure("national", null, "England", 2023, 22.5m, null),
            new ReferenceFigure("local-authority", "E99999999", "Exampleshire", 2024, null, "c"),
        ], figures);
    }

    [Fact]
    public void References_PupilsOfAnotherAuthority_GetNoLocalFigure()
    {
        var figures = ImpactCalculator.References(ImpactMeasure.Attendance, [2023], ["341"], Layout, new LaCodes([("999", "E99999999")]));

        Assert.Equal(["national"], figures.Select(f => f.Scope));
    }

    [Fact]
    public void References_Suspensions_HaveNoColumnInTheAbsenceFile()
    {
        Assert.Empty(ImpactCalculator.References(ImpactMeasure.Suspensions, [2023], ["999"], Layout, LaCodes.None));
    }
}
