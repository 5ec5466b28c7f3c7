using System.Globalization;
using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Retention;

/// <summary>
/// The trust's retention page (issue 11, item 7): its admins set the periods the daily job uses and place and lift legal
/// holds, each change audited; bad periods are a 400 with the error on the field and nothing saved; nobody else gets in.
/// </summary>
public abstract class RetentionPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : RetentionPageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : RetentionPageTests(app), IClassFixture<PostgresAppFactory>;

    private static string Url(Trust trust) => $"/trusts/{trust.Code}/retention";

    private static Dictionary<string, string> Periods(string staff, string appraisal, string notes) => new()
    {
        ["Input.StaffRecordYears"] = staff,
        ["Input.AppraisalYears"] = appraisal,
        ["Input.ObservationNoteYears"] = notes,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url)
    {
        var token = await PageForms.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    [SkippableFact]
    public async Task Get_NothingSet_ShowsTheDefaultPeriodsAndNoHolds()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var page = await PageAssert.OkAsync(await admin.GetAsync(Url(trust)));

        // Assert
        Assert.Equal(["6", "6", "3"], new[] { "Input_StaffRecordYears", "Input_AppraisalYears", "Input_ObservationNoteYears" }
            .Select(id => page.GetElementById(id)?.GetAttribute("value")));
        Assert.Contains("default periods", page.GetElementById("last-changed")!.TextContent);
        Assert.Contains("Nobody's records are held", page.Body!.TextContent);
    }

    [SkippableFact]
    public async Task Post_TrustAdminChangesThePeriods_TheyAreSavedShownAndAudited()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var response = await PageForms.SubmitAsync(admin, Url(trust), "Input.StaffRecordYears", Periods("7", "6", "2"));

        // Assert
        PageAssert.RedirectsTo(response, Url(trust));
        var saved = await Data.WithDbAsync(db => db.RetentionSettings.AsNoTracking().SingleAsync(s => s.TrustId == trust.Id));
        Assert.Equal((7, 6, 2), (saved.StaffRecordYears, saved.AppraisalYears, saved.ObservationNoteYears));
        var page = await PageAssert.OkAsync(await admin.GetAsync(Url(trust)));
        Assert.Equal("7", page.GetElementById("Input_StaffRecordYears")?.GetAttribute("value"));
        Assert.Contains("Last changed on", page.GetElementById("last-changed")!.TextContent);
        var audit = Assert.Single(await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.TrustId == trust.Id && e.Action == AuditActions.RetentionSettingsChanged).ToListAsync()));
        Assert.Equal("Staff records: 6 → 7 years; Observation notes: 3 → 2 years", audit.Detail);
        Assert.NotNull(audit.UserId);
    }

    [SkippableTheory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-1")]
    [InlineData("six")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task Post_APeriodOutOfRangeOrNotANumber_Is400WithTheErrorOnItsField_AndNothingSaved(string years)
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var response = await PageForms.SubmitAsync(admin, Url(trust), "Input.StaffRecordYears", Periods("8", years, "3"));

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_AppraisalYears");
        Assert.False(await Data.WithDbAsync(db => db.RetentionSettings.AnyAsync(s => s.TrustId == trust.Id)));
        Assert.False(await Data.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.TrustId == trust.Id && e.Action == AuditActions.RetentionSettingsChanged)));
    }

    [SkippableFact]
    public async Task Post_PlaceAHoldThenLiftIt_ListedWhileHeld_EachAudited()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var person = await Data.CreateStaffAsync(school, lastName: $"Held{TestData.Unique()}");
        var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act: place it.
        var placed = await PageForms.SubmitAsync(admin, Url(trust), "Hold.Reason", new Dictionary<string, string>
        {
            ["Hold.StaffMemberId"] = person.Id.ToString(CultureInfo.InvariantCulture),
            ["Hold.Reason"] = "Employment tribunal claim",
        });

        // Assert
        PageAssert.RedirectsTo(placed, Url(trust) + "#holds");
        var hold = await Data.WithDbAsync(db => db.LegalHolds.AsNoTracking().SingleAsync(h => h.StaffMemberId == person.Id));
        Assert.Equal("Employment tribunal claim", hold.Reason);
        var list = await PageAssert.OkAsync(await admin.GetAsync(Url(trust)));
        var row = Assert.Single(list.QuerySelectorAll("#hold-list tbody tr"));
        Assert.Contains(person.LastName, row.TextContent);
        Assert.Contains("Employment tribunal claim", row.TextContent);

        // Act: a second hold on the same person is refused on its field.
        var again = await PageForms.SubmitAsync(admin, Url(trust), "Hold.Reason", new Dictionary<string, string>
        {
            ["Hold.StaffMemberId"] = person.Id.ToString(CultureInfo.InvariantCulture),
            ["Hold.Reason"] = "Another",
        });
        await PageAssert.FormErrorsAsync(again, "Hold_StaffMemberId");

        // Act: lift it.
        var lifted = await PostAsync(admin, $"{Url(trust)}?handler=Lift&id={hold.Id}");

        // Assert
        PageAssert.RedirectsTo(lifted, Url(trust) + "#holds");
        Assert.False(await Data.WithDbAsync(db => db.LegalHolds.AnyAsync(h => h.StaffMemberId == person.Id)));
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.StaffMemberId == person.Id && e.RecordType == AuditRecordTypes.Staff).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.LegalHoldPlaced, AuditActions.LegalHoldLifted], audit.Select(e => e.Action));
        Assert.Equal("Employment tribunal claim", audit[0].Detail);
        Assert.Contains("Employment tribunal claim", audit[1].Detail);
        Assert.All(audit, e => Assert.Equal(trust.Id, e.TrustId));
    }

    [SkippableFact]
    public async Task Post_HoldWithoutAReasonOrOnAnotherTrustsPerson_Is400_AndNothingHeld()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var person = await Data.CreateStaffAsync(await Data.CreateSchoolAsync(trust));
        var stranger = await Data.CreateStaffAsync(await Data.CreateSchoolAsync(await Data.CreateTrustAsync()));
        var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var noReason = await PageForms.SubmitAsync(admin, Url(trust), "Hold.Reason", new Dictionary<string, string>
        {
            ["Hold.StaffMemberId"] = person.Id.ToString(CultureInfo.InvariantCulture),
            ["Hold.Reason"] = "  ",
        });
        var otherTrusts = await PageForms.SubmitAsync(admin, Url(trust), "Hold.Reason", new Dictionary<string, string>
        {
            ["Hold.StaffMemberId"] = stranger.Id.ToString(CultureInfo.InvariantCulture),
            ["Hold.Reason"] = "Claim",
        });

        // Assert
        await PageAssert.FormErrorsAsync(noReason, "Hold_Reason");
        await PageAssert.FormErrorsAsync(otherTrusts, "Hold_StaffMemberId");
        Assert.False(await Data.WithDbAsync(db => db.LegalHolds.AnyAsync(h => h.StaffMemberId == person.Id || h.StaffMemberId == stranger.Id)));
    }

    [SkippableFact]
    public async Task Post_OthersThanTheTrustsAdmins_AreRefused_AndNothingChanges()
    {
        // Arrange: a hold on a person of the trust.
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var person = await Data.CreateStaffAsync(school);
        var otherTrust = await Data.CreateTrustAsync();
        var hold = await Data.WithDbAsync(async db =>
        {
            var h = new LegalHold { StaffMemberId = person.Id, Reason = "Claim", PlacedAt = DateTime.UtcNow, PlacedByName = "Test" };
            db.LegalHolds.Add(h);
            await db.SaveChangesAsync();
            return h;
        });
        var refused = new[]
        {
            await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: person)),
            await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school)),
            await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: otherTrust)),
        };

        foreach (var client in refused)
        {
            // Act
            var page = await client.GetAsync(Url(trust));
            var lift = await PostAsync(client, $"{Url(trust)}?handler=Lift&id={hold.Id}");
            var periods = await client.PostAsync(Url(trust), new FormUrlEncodedContent(new Dictionary<string, string>(Periods("1", "1", "1"))
            {
                ["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(client),
            }));

            // Assert
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, lift.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, periods.StatusCode);
        }
        // The other trust's admin, on their own trust's page, cannot lift this trust's hold either.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(refused[2], $"{Url(otherTrust)}?handler=Lift&id={hold.Id}")).StatusCode);
        Assert.True(await Data.WithDbAsync(db => db.LegalHolds.AnyAsync(h => h.Id == hold.Id)));
        Assert.False(await Data.WithDbAsync(db => db.RetentionSettings.AnyAsync(s => s.TrustId == trust.Id)));
        PageAssert.RedirectsToSignIn(await App.CreateClient().GetAsync(Url(trust)));
    }
}
