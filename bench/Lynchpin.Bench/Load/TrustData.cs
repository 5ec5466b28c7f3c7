using System.Diagnostics;
using Lynchpin.Bench.Profile;

namespace Lynchpin.Bench.Load;

/// <summary>
/// The load run's data: one trust of 100 schools, 10,000 staff records, five years of assessments (2021/22-2025/26)
/// and 2025/26's appraisals, observations, CPD, qualifications and pay, into PostgreSQL or SQLite.
/// </summary>
public static class TrustData
{
    public static readonly ProfileScale Scale = ProfileScale.OneTrust;

    /// <summary>The year of appraisals and observations, the last of the assessments.</summary>
    public static int WorkYear => Scale.LastYear;

    public static (ProfileGenerator People, BenchDataset Data) Generate()
    {
        var step = Stopwatch.StartNew();
        var people = new ProfileGenerator(Scale);
        var work = new YearOfWork(people, WorkYear);
        var careers = new CareersYear(people, WorkYear);
        Console.WriteLine($"Generated {people.Schools.Count} schools in {people.Trusts.Count} trust(s), {people.Staff.Length:N0} staff; {WorkYear}: "
            + $"{work.Appraisals.Count:N0} appraisals, {work.Objectives.Count:N0} objectives, {work.Reviews.Count:N0} reviews, "
            + $"{work.Timetable.Count:N0} timetable rows, {work.Visits.Count:N0} visits, {work.Records.Count:N0} observation records, "
            + $"{careers.Attendances.Count:N0} CPD attendances, {careers.Qualifications.Count:N0} qualifications, {careers.Pay.Count:N0} pay records in {step.Elapsed.TotalSeconds:N1} s.");
        return (people, BenchDataset.LoadRun(people, work, careers));
    }

    public static Task<int> LoadPostgresAsync(string connectionString) => ProfileLoader.LoadAsync(connectionString, recreate: true, Generate().Data);

    public static Task<int> LoadSqliteAsync(string path) => SqliteLoader.LoadAsync(path, Generate().Data);
}
