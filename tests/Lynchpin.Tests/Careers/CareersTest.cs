using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Careers;

/// <summary>Base of the careers, CPD and pay service tests: each call in its own scope, as a request would make it.</summary>
public abstract class CareersTest(LynchpinAppFactory app) : IntegrationTest(app)
{
    protected static readonly Recorder Leader = new(null, "Test leader");

    /// <summary>Today as the app sees it (the school clock).</summary>
    protected DateOnly AppToday => App.Services.GetRequiredService<SchoolClock>().Today;

    protected async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected async Task WithAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>An appraisal for the year with one objective of the type given; returns the objective.</summary>
    protected async Task<Objective> ObjectiveAsync(StaffMember person, int year, ObjectiveType type, string title = "Reading ages up 9 months")
    {
        return await Data.WithDbAsync(async db =>
        {
            var cycle = db.AppraisalCycles.FirstOrDefault(c => c.SchoolId == person.SchoolId && c.Year == year)
                ?? new AppraisalCycle { SchoolId = person.SchoolId, Year = year, OpenedByName = "Test", ObjectivesDue = new(year, 10, 31), MidYearDue = new(year + 1, 2, 28), FinalDue = new(year + 1, 7, 15) };
            var appraisal = new Appraisal { Cycle = cycle, StaffMemberId = person.Id };
            var objective = new Objective { Appraisal = appraisal, Title = title, SuccessCriteria = "By 10% by July", Type = type };
            db.Objectives.Add(objective);
            await db.SaveChangesAsync();
            return objective;
        });
    }

    protected Task AssessAsync(StaffMember person, int year, int checkpoint, int stage, params string[] criteriaMet) =>
        Data.WithDbAsync(async db =>
        {
            db.Assessments.Add(new Assessment
            {
                StaffMemberId = person.Id, Year = year, Checkpoint = checkpoint, Stage = stage,
                AssessedOn = SchoolYear.DefaultDate(year, checkpoint), CriteriaMet = [.. criteriaMet], RecordedByName = "Test",
            });
            return await db.SaveChangesAsync();
        });

    protected static void AssertDone(Result result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
