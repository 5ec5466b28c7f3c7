using System.Data.Common;
using System.Diagnostics;
using Lynchpin.Bench.Profile;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Bench.Load;

/// <summary>The tables of a bench database as the app's entities, in the order their foreign keys need.</summary>
public sealed class BenchDataset
{
    /// <summary>A school outside the trust with no staff, for timing the staff import (the load run empties it before each import).</summary>
    public const int ImportSchoolUrn = 299_999;

    private readonly List<(string Table, Func<TableWriter, DbConnection, DbTransaction?, Task<long>> Write)> tables = [];

    private BenchDataset Add<T>(string table, IEnumerable<T> rows) where T : class
    {
        tables.Add((table, (writer, connection, transaction) => writer.WriteAsync(connection, rows, transaction)));
        return this;
    }

    /// <summary>Trusts, schools, their own checkpoint dates, staff and assessments: what the progression profile reads.</summary>
    public static BenchDataset Profile(ProfileGenerator generator) => new BenchDataset()
        .Add("trusts", ProfileEntities.Trusts(generator))
        .Add("schools", ProfileEntities.Schools(generator))
        .Add("checkpoint_dates", ProfileEntities.CheckpointDates(generator))
        .Add("staff_members", ProfileEntities.Staff(generator))
        .Add("assessments", ProfileEntities.Assessments(generator));

    /// <summary>The profile's tables, a year of appraisals, observations, CPD, qualifications and pay, and the empty school the staff import goes into.</summary>
    public static BenchDataset LoadRun(ProfileGenerator generator, YearOfWork work, CareersYear careers) => Profile(generator)
        .Add("schools (import)", [new School
        {
            Id = generator.Schools.Count + 1, Urn = ImportSchoolUrn, Name = "Import Bench School", Phase = "Secondary", IsOpen = true,
            LocalAuthority = "Local Authority 300",
        }])
        .Add("appraisal_cycles", work.Cycles)
        .Add("appraisals", work.Appraisals)
        .Add("objectives", work.Objectives)
        .Add("support_plans", work.SupportPlans)
        .Add("appraisal_reviews", work.Reviews)
        .Add("objective_ratings", work.Ratings)
        .Add("pay_recommendations", work.Pay)
        .Add("observation_settings", work.Settings)
        .Add("timetable_rows", work.Timetable)
        .Add("rota_observers", work.Observers)
        .Add("observation_rotas", work.Rotas)
        .Add("rota_visits", work.Visits)
        .Add("observation_records", work.Records)
        .Add("cpd_activities", careers.Activities)
        .Add("cpd_attendances", careers.Attendances)
        .Add("person_qualifications", careers.Qualifications)
        .Add("pay_records", careers.Pay);

    public async Task WriteAsync(TableWriter writer, DbConnection connection, DbTransaction? transaction)
    {
        foreach (var (table, write) in tables)
        {
            var step = Stopwatch.StartNew();
            var rows = await write(writer, connection, transaction);
            Console.WriteLine($"  {step.Elapsed.TotalSeconds,6:N1} s  {rows,10:N0} rows  {table}");
        }
    }

    /// <summary>The app's DbContext for a provider: its model names the tables and columns, and its migrations make the schema.</summary>
    public static LynchpinDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<LynchpinDbContext>();
        DatabaseOptions.Configure(options, provider, connectionString);
        return new LynchpinDbContext(options.Options);
    }
}
