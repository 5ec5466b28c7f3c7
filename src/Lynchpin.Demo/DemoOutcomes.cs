using Lynchpin.Core.Data.Models;
using M = Lynchpin.Core.Outcomes.OutcomeMeasures;

namespace Lynchpin.Demo;

/// <summary>
/// Published outcomes for the demo trust, made up but shaped like the real files: four years of KS4 for Northfield
/// (Progress 8 climbing towards the national average, its interval crossing zero from 2023/24; disadvantaged pupils well
/// behind), KS2 for Brookside (progress above average in reading and maths), and the census and attendance for all three
/// schools. One suppressed figure each for the small special school, as the census hides small counts.
/// </summary>
public static class DemoOutcomes
{
    public static readonly int[] Years = [2022, 2023, 2024, 2025];

    private static readonly DateTime ImportedAt = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<SchoolOutcome> Create(IReadOnlyDictionary<int, int> schoolIdByUrn)
    {
        var rows = new List<(int Urn, int Year, string Measure, decimal? Value, string? Marker)>();
        void Add(int urn, int year, params (string Measure, decimal? Value)[] figures) =>
            rows.AddRange(figures.Select(f => (urn, year, f.Measure, f.Value, (string?)null)));

        // Northfield Academy, KS4: pupils, Attainment 8, Progress 8 (interval), grade 4+ and 5+ in English and maths, disadvantaged.
        (int Year, decimal Att8, decimal P8, decimal Low, decimal High, decimal B94, decimal B95, decimal Dis, decimal DisLow, decimal DisHigh, decimal DisAtt8)[] ks4 =
        [
            (2022, 42.8m, -0.14m, -0.27m, -0.01m, 61m, 41m, -0.52m, -0.74m, -0.30m, 33.9m),
            (2023, 43.9m, -0.06m, -0.19m, 0.07m, 63m, 43m, -0.41m, -0.63m, -0.19m, 35.2m),
            (2024, 45.6m, 0.08m, -0.05m, 0.21m, 66m, 47m, -0.30m, -0.52m, -0.08m, 36.8m),
            (2025, 45.1m, 0.05m, -0.08m, 0.18m, 65m, 46m, -0.33m, -0.55m, -0.11m, 36.1m),
        ];
        foreach (var k in ks4)
        {
            Add(DemoData.SecondaryUrn, k.Year, (M.Ks4Pupils, 1104), ("p8Pupils", 196 + k.Year % 4), (M.Att8, k.Att8), (M.P8, k.P8), (M.P8Low, k.Low), (M.P8High, k.High),
                (M.Basics94, k.B94), (M.Basics95, k.B95), (M.P8Disadvantaged, k.Dis), (M.P8DisadvantagedLow, k.DisLow), (M.P8DisadvantagedHigh, k.DisHigh),
                (M.Att8Disadvantaged, k.DisAtt8));
        }

        // Brookside Primary Academy, KS2: expected and higher standard in reading, writing and maths, and the three progress measures.
        (int Year, decimal Exp, decimal High, decimal Read, decimal Writ, decimal Mat)[] ks2 =
        [
            (2022, 64m, 9m, 1.2m, 0.4m, 0.9m),
            (2023, 68m, 11m, 1.9m, 0.8m, 1.4m),
            (2024, 71m, 12m, 2.3m, 1.1m, 2.0m),
            (2025, 73m, 14m, 2.1m, 1.5m, 2.4m),
        ];
        foreach (var k in ks2)
        {
            // A cohort of about 58: intervals of roughly ±1.8 points.
            Add(DemoData.PrimaryUrn, k.Year, (M.Ks2Pupils, 58), (M.RwmExpected, k.Exp), (M.RwmHigher, k.High),
                (M.ReadProgress, k.Read), ("readProgressLow", k.Read - 1.8m), ("readProgressHigh", k.Read + 1.8m),
                (M.WritingProgress, k.Writ), ("writingProgressLow", k.Writ - 1.7m), ("writingProgressHigh", k.Writ + 1.7m),
                (M.MathsProgress, k.Mat), ("mathsProgressLow", k.Mat - 1.7m), ("mathsProgressHigh", k.Mat + 1.7m));
        }

        // The census: headcounts of teachers, TAs, other support and auxiliary staff, FTEs, the TA ratio and pupils per teacher.
        (int Urn, decimal Teachers, decimal Tas, decimal Support, decimal Aux, decimal TeachersFte, decimal TasFte, decimal Ptr, decimal Sick, decimal Days, decimal Absence, decimal Persistent, decimal Enrolled)[] census =
        [
            (DemoData.SecondaryUrn, 68, 24, 38, 12, 62.4m, 17.9m, 17.7m, 57.3m, 4.1m, 8.9m, 24.1m, 1104),
            (DemoData.PrimaryUrn, 18, 21, 9, 6, 16.2m, 15.8m, 22.1m, 52.0m, 3.6m, 4.8m, 13.0m, 412),
            (DemoData.SpecialUrn, 16, 38, 11, 5, 15.1m, 33.2m, 6.2m, 61.5m, 5.2m, 9.8m, 28.4m, 96),
        ];
        foreach (var c in census)
        {
            foreach (var (year, i) in Years.Select((y, i) => (y, i)))
            {
                // Support staff grow a little each year; absence falls as it has nationally since 2022/23.
                var tas = c.Tas + i;
                var tasFte = c.TasFte + 0.8m * i;
                Add(c.Urn, year, (M.WorkforceHeadcount, c.Teachers + tas + c.Support + c.Aux), (M.TeachersHeadcount, c.Teachers), (M.TasHeadcount, tas),
                    (M.SupportHeadcount, c.Support), (M.AuxiliaryHeadcount, c.Aux), (M.TeachersFte, c.TeachersFte), (M.TasFte, tasFte),
                    (M.TaTeacherRatioFte, Math.Round(tasFte / c.TeachersFte, 1)), (M.PupilTeacherRatio, c.Ptr), (M.TeacherSicknessShare, c.Sick - i),
                    (M.Enrolments, c.Enrolled), (M.OverallAbsence, c.Absence - 0.4m * i), (M.PersistentAbsence, c.Persistent - 1.5m * i));
                if (c.Urn != DemoData.SpecialUrn)
                {
                    Add(c.Urn, year, (M.SicknessDaysPerTeacher, c.Days));
                }
            }
        }
        // The special school's days lost are suppressed in the census (a small count): missing, never zero.
        rows.AddRange(Years.Select(y => (DemoData.SpecialUrn, y, M.SicknessDaysPerTeacher, (decimal?)null, (string?)"c")));

        return rows.Select(r => new SchoolOutcome
        {
            SchoolId = schoolIdByUrn[r.Urn],
            Year = r.Year,
            Measure = r.Measure,
            Value = r.Value,
            Marker = r.Marker,
            ImportedAt = ImportedAt,
        });
    }
}
