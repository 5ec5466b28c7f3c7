using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Appraisals;

/// <summary>
/// The dashboard counts on one school worked out by hand, on both providers. Cycle 2025/26 with the default dates
/// (objectives 31 Oct, mid-year 28 Feb, final 15 Jul), counted on 10 March 2026:
/// <code>
///    who (family)              objectives               mid-year review                 status
/// A  head (teaching)           draft, none              –                               not reviewed
/// B  teacher (teaching)        agreed, pupil progress   on, on — signed by both         on track
/// C  teacher (teaching)        agreed, pupil progress   on, off — appraiser signed      off track
/// D  TA (learning support)     agreed, pupil progress   on, at risk — signed by both    at risk
/// E  site manager (site)       agreed, pupil progress   off, on — draft, unsigned       not reviewed
/// F  clerk (administration)    not agreed, role only    –                               not reviewed
/// G  TA (learning support)     draft, pupil progress    –                               not reviewed
/// H  teacher, left 31 Jan      (not counted)
/// </code>
/// B line-manages D and G.
/// </summary>
public abstract class AppraisalDashboardTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : AppraisalDashboardTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : AppraisalDashboardTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly DateOnly Today = new(2026, 3, 10);

    private sealed record Staff7(School School, StaffMember B, StaffMember D, StaffMember G);

    private async Task<Staff7> CreateSchoolAsync(Trust? trust = null)
    {
        var school = await Data.CreateSchoolAsync(trust);
        var a = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true);
        var b = await Data.CreateStaffAsync(school, RoleFamily.Teaching, a);
        var c = await Data.CreateStaffAsync(school, RoleFamily.Teaching, a);
        var d = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, b);
        var e = await Data.CreateStaffAsync(school, RoleFamily.Site, a);
        var f = await Data.CreateStaffAsync(school, RoleFamily.Administration, a);
        var g = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, b);
        await Data.CreateStaffAsync(school, RoleFamily.Teaching, a, leavingDate: new DateOnly(2026, 1, 31));
        await OpenAsync(school);

        await SignedReviewAsync(await AgreedAsync(b), ReviewKind.MidYear, Rating.OnTrack, Rating.OnTrack);
        var cReview = await DraftReviewAsync(await AgreedAsync(c), ReviewKind.MidYear, Rating.OnTrack, Rating.OffTrack);
        AssertDone(await WithAsync<AppraisalReviews, Result>(r => r.SignAsAppraiserAsync(cReview.Id, Leader)));
        await SignedReviewAsync(await AgreedAsync(d), ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        await DraftReviewAsync(await AgreedAsync(e), ReviewKind.MidYear, Rating.OffTrack, Rating.OnTrack);
        var fAppraisal = await AppraisalOfAsync(f);
        AssertDone(await AddObjectiveAsync(fAppraisal, RoleSpecific));
        AssertDone(await WithAsync<AppraisalObjectives, Result>(o => o.RecordNotAgreedAsync(fAppraisal.Id, "Too much at once")));
        AssertDone(await AddObjectiveAsync(await AppraisalOfAsync(g), PupilProgress));
        return new Staff7(school, b, d, g);
    }

    private Task<SchoolAppraisalDashboard> SchoolAsync(School school, IReadOnlyCollection<int>? team = null) =>
        WithAsync<AppraisalDashboard, SchoolAppraisalDashboard>(d => d.SchoolAsync(school.Id, Year, Today, team));

    [SkippableFact]
    public async Task School_HandCheckedCase_CountsObjectivesAndReviews()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var dashboard = await SchoolAsync(s.School);

        // Assert
        var summary = dashboard.Summary;
        Assert.NotNull(dashboard.Cycle);
        Assert.Equal(7, summary.Staff);
        Assert.Equal((4, 1, 2), (summary.ObjectivesAgreed, summary.ObjectivesNotAgreed, summary.ObjectivesOverdue));
        Assert.Equal(5, summary.WithPupilProgressObjective);
        Assert.Equal((4, 3), (summary.SupportStaff, summary.SupportWithPupilProgressObjective));
        Assert.Equal(0.75, summary.SupportPupilProgressShare);
        Assert.Equal(new ReviewCounts(Done: 2, Due: 0, Overdue: 5), summary.MidYear);
        Assert.Equal(new ReviewCounts(Done: 0, Due: 7, Overdue: 0), summary.Final);
        Assert.Equal(5, summary.ReviewsOverdue);
    }

    [SkippableFact]
    public async Task School_HandCheckedCase_CountsOnTrackByCategoryAndRoleFamily()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var summary = (await SchoolAsync(s.School)).Summary;

        // Assert: the worst signed mid-year rating counts; an unsigned draft does not
        Assert.Equal(new OnTrackCounts(OnTrack: 1, AtRisk: 0, OffTrack: 1, NotReviewed: 1), summary.MidYearByCategory[StaffCategory.Teaching]);
        Assert.Equal(new OnTrackCounts(OnTrack: 0, AtRisk: 1, OffTrack: 0, NotReviewed: 3), summary.MidYearByCategory[StaffCategory.Support]);
        Assert.Equal(new OnTrackCounts(1, 0, 1, 1), summary.MidYearByRoleFamily[RoleFamily.Teaching]);
        Assert.Equal(new OnTrackCounts(0, 1, 0, 1), summary.MidYearByRoleFamily[RoleFamily.LearningSupport]);
        Assert.Equal(new OnTrackCounts(0, 0, 0, 1), summary.MidYearByRoleFamily[RoleFamily.Site]);
        Assert.Equal(new OnTrackCounts(0, 0, 0, 1), summary.MidYearByRoleFamily[RoleFamily.Administration]);
        Assert.Equal(OnTrackCounts.Zero, summary.MidYearByRoleFamily[RoleFamily.Pastoral]);
        Assert.Equal(7, summary.MidYearAll.People);
    }

    [SkippableFact]
    public async Task School_ForALineManagersTeam_CountsOnlyTheirPeople()
    {
        // Arrange
        var s = await CreateSchoolAsync();

        // Act
        var summary = (await SchoolAsync(s.School, [s.D.Id, s.G.Id])).Summary;

        // Assert
        Assert.Equal((2, 1, 2), (summary.Staff, summary.ObjectivesAgreed, summary.WithPupilProgressObjective));
        Assert.Equal((2, 2), (summary.SupportStaff, summary.SupportWithPupilProgressObjective));
        Assert.Equal(new ReviewCounts(1, 0, 1), summary.MidYear);
        Assert.Equal(new OnTrackCounts(0, 1, 0, 1), summary.MidYearByCategory[StaffCategory.Support]);
        Assert.Equal(OnTrackCounts.Zero, summary.MidYearByCategory[StaffCategory.Teaching]);
    }

    [SkippableFact]
    public async Task School_WithoutACycle_IsEmpty()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        await Data.CreateStaffAsync(school);

        // Act
        var dashboard = await SchoolAsync(school);

        // Assert
        Assert.Null(dashboard.Cycle);
        Assert.Equal(0, dashboard.Summary.Staff);
        Assert.Null(dashboard.Summary.ObjectivesAgreedShare);
    }

    [SkippableFact]
    public async Task Trust_RollUp_HasARowPerSchoolAndATotal()
    {
        // Arrange: the hand-checked school, one with a single teacher, and one without a cycle
        var trust = await Data.CreateTrustAsync();
        var s = await CreateSchoolAsync(trust);
        var small = await Data.CreateSchoolAsync(trust, name: "A Small School");
        await Data.CreateStaffAsync(small);
        await OpenAsync(small);
        var unopened = await Data.CreateSchoolAsync(trust, name: "B Unopened School");
        await Data.CreateStaffAsync(unopened);
        await OpenAsync(await Data.CreateSchoolAsync(await Data.CreateTrustAsync()));

        // Act
        var dashboard = await WithAsync<AppraisalDashboard, TrustAppraisalDashboard>(d => d.TrustAsync(trust.Id, Year, Today));

        // Assert
        Assert.Equal(3, dashboard.Schools.Count);
        var rows = dashboard.Schools.ToDictionary(r => r.SchoolId);
        Assert.Equal((true, 7, 5), (rows[s.School.Id].HasCycle, rows[s.School.Id].Summary.Staff, rows[s.School.Id].Summary.ReviewsOverdue));
        Assert.Equal((true, 1, 1, 1), (rows[small.Id].HasCycle, rows[small.Id].Summary.Staff, rows[small.Id].Summary.ObjectivesOverdue, rows[small.Id].Summary.MidYear.Overdue));
        Assert.Equal((false, 0), (rows[unopened.Id].HasCycle, rows[unopened.Id].Summary.Staff));
        Assert.Equal(8, dashboard.Total.Staff);
        Assert.Equal(new OnTrackCounts(1, 0, 1, 2), dashboard.Total.MidYearByCategory[StaffCategory.Teaching]);
    }
}
