using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary>Helpers for the appraisal operations tests: services in their own scope, the 2026/27 cycle, and commands.</summary>
public abstract class OpsTest(OpsAppFactory app) : IntegrationTest(app)
{
    protected const int Year = 2026;

    /// <summary>The day the tests stand on unless they move the clock: a Friday late in the autumn term of 2026/27.</summary>
    protected static readonly DateOnly Today = new(2026, 11, 20);

    protected static readonly Recorder Leader = new(null, "Test leader");

    protected static readonly ObjectiveInput PupilProgress = new(
        "Reading age of the Year 7 intervention group", "Average reading age rises by 9 months by July", ObjectiveType.PupilProgress);

    protected static readonly ObjectiveInput RoleSpecific = new(
        "Fewer lessons lost", "Lessons lost to room faults fall from 12 to 4 a term", ObjectiveType.RoleSpecific);

    protected new OpsAppFactory App { get; } = app;

    public override Task InitializeAsync()
    {
        App.Clock.SetDate(Today);
        return base.InitializeAsync();
    }

    protected async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task<OpenCycleResult> OpenAsync(School school, CycleDueDates? dates = null, int year = Year) =>
        WithAsync<AppraisalCycles, OpenCycleResult>(c => c.OpenAsync(school.Id, year, dates, Leader, Today));

    protected Task<Appraisal> AppraisalOfAsync(StaffMember person, int year = Year) =>
        Data.WithDbAsync(db => db.Appraisals.Include(a => a.Objectives).Include(a => a.Cycle)
            .SingleAsync(a => a.StaffMemberId == person.Id && a.Cycle.Year == year));

    /// <summary>A pupil-progress and a role-specific objective, ready for the person to agree.</summary>
    protected async Task<Appraisal> ReadyAsync(StaffMember person, int year = Year)
    {
        var appraisal = await AppraisalOfAsync(person, year);
        foreach (var input in new[] { PupilProgress, RoleSpecific })
        {
            AssertDone(await WithAsync<AppraisalObjectives, Result<Objective>>(o => o.AddAsync(appraisal.Id, input)));
        }
        return await AppraisalOfAsync(person, year);
    }

    protected async Task<Appraisal> AgreedAsync(StaffMember person, int year = Year)
    {
        var appraisal = await ReadyAsync(person, year);
        AssertDone(await WithAsync<AppraisalObjectives, Result>(o => o.AgreeAsync(appraisal.Id)));
        return await AppraisalOfAsync(person, year);
    }

    /// <summary>Runs a command as <c>dotnet run -- …</c> would, on this app's services.</summary>
    protected async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(App.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    protected static void AssertDone(Result result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
