using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals;

/// <summary>
/// Least privilege when appraisers are named (issue 11: the business manager made herself the head's appraiser): nobody
/// appraises or reviews someone above them in line management, and a head's appraiser and reviewer come from outside the
/// head's school — one at a time or in bulk.
/// </summary>
public abstract class SeniorAppraiserTests(LynchpinAppFactory app) : AppraisalTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : SeniorAppraiserTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : SeniorAppraiserTests(app), IClassFixture<PostgresAppFactory>;

    /// <summary>A trust of two schools: the head of the first, with the business manager and a head of year below, and a teacher below them; the CEO in the second.</summary>
    private sealed record Trust(School School, StaffMember Head, StaffMember BusinessManager, StaffMember HeadOfYear, StaffMember Teacher, StaffMember Ceo);

    private async Task<Trust> TrustAsync()
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var central = await Data.CreateSchoolAsync(trust);
        var ceo = await Data.CreateStaffAsync(central, slt: true, jobTitle: "Chief executive");
        var head = await Data.CreateStaffAsync(school, slt: true, jobTitle: "Headteacher");
        var bm = await Data.CreateStaffAsync(school, RoleFamily.Business, head, slt: true, jobTitle: "School business manager");
        var hoy = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, jobTitle: "Head of year");
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, hoy);
        await OpenAsync(school);
        return new Trust(school, head, bm, hoy, teacher, ceo);
    }

    private Task<Appraisal> StoredAsync(StaffMember person) => Data.WithDbAsync(db => db.Appraisals.AsNoTracking().SingleAsync(a => a.StaffMemberId == person.Id));

    [SkippableFact]
    public async Task Assign_TheBusinessManagerAsTheHeadsAppraiser_IsRefused()
    {
        var t = await TrustAsync();
        var head = await AppraisalOfAsync(t.Head);

        var result = await WithAsync<AppraisalCycles, Result>(c => c.AssignAsync(head.Id, t.BusinessManager.Id, null));

        var error = Assert.Single(result.Errors);
        Assert.Equal("AppraiserId", error.Field);
        Assert.Contains("someone the person line-manages", error.Message);
        Assert.Null((await StoredAsync(t.Head)).AppraiserId);
    }

    [SkippableFact]
    public async Task Assign_AnyoneFromTheHeadsOwnSchool_IsRefused_TheTrustsCeoIsAccepted()
    {
        // Arrange: a colleague at the school with no line manager recorded is not "below" the head in the data, but still theirs.
        var t = await TrustAsync();
        var unlinked = await Data.CreateStaffAsync(t.School, slt: false);
        var head = await AppraisalOfAsync(t.Head);

        // Act
        var insider = await WithAsync<AppraisalCycles, Result>(c => c.AssignAsync(head.Id, unlinked.Id, null));
        var ceo = await WithAsync<AppraisalCycles, Result>(c => c.AssignAsync(head.Id, t.Ceo.Id, null));

        // Assert
        Assert.Contains("belongs to the trust", Assert.Single(insider.Errors).Message);
        AssertDone(ceo);
        Assert.Equal(t.Ceo.Id, (await StoredAsync(t.Head)).AppraiserId);
    }

    [SkippableFact]
    public async Task Assign_TheTeacherAsTheirOwnHeadOfYearsAppraiser_IsRefused()
    {
        var t = await TrustAsync();
        var hoy = await AppraisalOfAsync(t.HeadOfYear);

        var result = await WithAsync<AppraisalCycles, Result>(c => c.AssignAsync(hoy.Id, t.Teacher.Id, null));

        Assert.Contains("someone the person line-manages", Assert.Single(result.Errors).Message);
    }

    [SkippableFact]
    public async Task MoveAppraiser_InBulk_WithTheHeadAmongThem_IsRefusedAndMovesNobody()
    {
        // Arrange: the business manager ticks the head and the head of year and names herself.
        var t = await TrustAsync();
        var head = await AppraisalOfAsync(t.Head);
        var hoy = await AppraisalOfAsync(t.HeadOfYear);
        var before = (await StoredAsync(t.HeadOfYear)).AppraiserId;

        // Act
        var result = await WithAsync<AppraisalCycles, Result<MoveAppraiserResult>>(c => c.MoveAppraiserAsync([hoy.Id, head.Id], t.BusinessManager.Id));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{t.Head.FullName}:", error.Message, StringComparison.Ordinal);
        Assert.Null((await StoredAsync(t.Head)).AppraiserId);
        Assert.Equal(before, (await StoredAsync(t.HeadOfYear)).AppraiserId);
    }
}
