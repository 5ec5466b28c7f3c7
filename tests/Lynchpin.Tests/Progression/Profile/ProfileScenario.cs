using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Progression.Profile;

/// <summary>
/// One small school whose profile is worked out by hand (the worked example of ProfileCalculatorTests), for page tests.
/// Year 2025/26 with the default checkpoint dates 10 Oct 2025, 19 Dec 2025, 27 Mar 2026, 17 Jul 2026; no assessments in
/// the current year (2026/27 when these tests were written), so pages fall back to 2025/26.
/// <code>
///                         cp1   cp2        cp3        cp4     2024/25 cp4
/// A teacher (manages B)    3     3          4          4       2
/// B TA (manages C)         2     3, then 4  –          5
/// C site, starts 3 Nov 25  –     0          1          2       (not started)
/// D teacher, left 28 Feb   5     4          (3: left)  –
/// E pastoral               –     –          –          –
///
/// In post and stages 0-6 / not assessed:
/// cp1  4: [0,0,1,1,0,1,0] / 1      cp2  5: [1,0,0,1,2,0,0] / 1
/// cp3  4: [0,1,0,0,1,0,0] / 2      cp4  4: [0,0,1,0,1,1,0] / 1
/// </code>
/// </summary>
public sealed record ProfileScenario(School School, StaffMember A, StaffMember B, StaffMember C, StaffMember D, StaffMember E)
{
    public const int Year = 2025;

    public static async Task<ProfileScenario> CreateAsync(LynchpinAppFactory app, Trust? trust = null)
    {
        var data = app.Data;
        var school = await data.CreateSchoolAsync(trust);
        var a = await data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Ada");
        var b = await data.CreateStaffAsync(school, RoleFamily.LearningSupport, lineManager: a, firstName: "Bea");
        var c = await data.CreateStaffAsync(school, RoleFamily.Site, lineManager: b, startDate: new DateOnly(2025, 11, 3), firstName: "Cal");
        var d = await data.CreateStaffAsync(school, RoleFamily.Teaching, leavingDate: new DateOnly(2026, 2, 28), firstName: "Dev");
        var e = await data.CreateStaffAsync(school, RoleFamily.Pastoral, firstName: "Eve");
        var s = new ProfileScenario(school, a, b, c, d, e);
        await s.AssessAsync(app, a, 1, 3); await s.AssessAsync(app, a, 2, 3); await s.AssessAsync(app, a, 3, 4); await s.AssessAsync(app, a, 4, 4);
        await s.AssessAsync(app, b, 1, 2); await s.AssessAsync(app, b, 2, 3); await s.AssessAsync(app, b, 2, 4); await s.AssessAsync(app, b, 4, 5);
        await s.AssessAsync(app, c, 2, 0); await s.AssessAsync(app, c, 3, 1); await s.AssessAsync(app, c, 4, 2);
        await s.AssessAsync(app, d, 1, 5); await s.AssessAsync(app, d, 2, 4); await s.AssessAsync(app, d, 3, 3);
        await s.AssessAsync(app, a, 4, 2, year: Year - 1);
        return s;
    }

    public async Task AssessAsync(LynchpinAppFactory app, StaffMember person, int checkpoint, int stage, int year = Year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<AssessmentRecorder>();
        var on = SchoolYear.DefaultDate(year, checkpoint).AddDays(-3);
        await recorder.RecordAsync(new AssessmentInput(person.Id, year, checkpoint, stage, on, null, [], null), new Recorder(null, "Test"));
    }
}
