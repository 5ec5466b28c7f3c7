using System.IO.Compression;
using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Privacy;

/// <summary>
/// "Download everything held about me" and a trust admin answering a subject access request (issue 11: nobody could export
/// what is held about them): the ZIP holds the person's records and nobody else's; others are refused; both are audited.
/// </summary>
public abstract class SubjectAccessTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : SubjectAccessTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : SubjectAccessTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record Scene(Trust Trust, School School, StaffMember Ada, TestUser AdaUser, StaffMember Bert, TestUser BertUser);

    /// <summary>
    /// Two colleagues at one school, each with an assessment, an observation, a qualification, a standards rating, a career
    /// step, CPD (an activity attended, a request, an evaluation), a pay record and a calendar feed, each naming them.
    /// </summary>
    private async Task<Scene> SceneAsync()
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var n = TestData.Unique();
        var ada = await Data.CreateStaffAsync(school, firstName: "Ada", lastName: $"Zebedee{n}");
        var bert = await Data.CreateStaffAsync(school, firstName: "Bert", lastName: $"Quill{n}");
        await Data.WithDbAsync(async db =>
        {
            foreach (var (person, other) in new[] { (ada, bert), (bert, ada) })
            {
                db.Assessments.Add(new Assessment
                {
                    StaffMemberId = person.Id,
                    Year = 2026,
                    Checkpoint = 1,
                    Stage = 2,
                    AssessedOn = new DateOnly(2026, 10, 1),
                    Note = $"assessment-note-of-{person.LastName}",
                    RecordedAt = DateTime.UtcNow,
                    RecordedByName = "Test",
                });
                db.ObservationRecords.Add(new ObservationRecord
                {
                    SchoolId = school.Id,
                    Kind = ObservationKind.DropIn,
                    ObserverId = other.Id,
                    ObserveeId = person.Id,
                    Date = new DateOnly(2026, 11, 2),
                    Notes = $"observation-note-of-{person.LastName}",
                    CreatedByName = "Test",
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                });
                db.PersonQualifications.Add(new PersonQualification
                {
                    StaffMemberId = person.Id,
                    QualificationCode = "QTS",
                    Held = true,
                    GainedOn = new DateOnly(2020, 7, 1),
                    Note = $"qualification-note-of-{person.LastName}",
                    UpdatedAt = DateTime.UtcNow,
                    UpdatedByName = "Test",
                });
                db.StandardAssessments.Add(new StandardAssessment
                {
                    StaffMemberId = person.Id,
                    SetCode = "teachers",
                    StandardCode = "TS1",
                    Rating = StandardRating.Secure,
                    By = AssessedBy.Self,
                    AssessedOn = new DateOnly(2026, 10, 5),
                    Note = $"rating-note-of-{person.LastName}",
                    RecordedAt = DateTime.UtcNow,
                    RecordedByName = "Test",
                });
                db.CareerSteps.Add(new CareerStep { StaffMemberId = person.Id, PathwayCode = $"pathway-of-{person.LastName}", StepCode = "teacher", StartedOn = new DateOnly(2021, 9, 1) });
                var attendance = new CpdAttendance { StaffMemberId = person.Id, Hours = 6, Cost = 120 };
                db.CpdActivities.Add(new CpdActivity
                {
                    SchoolId = school.Id,
                    Title = $"cpd-of-{person.LastName}",
                    Kind = CpdKind.Course,
                    StartDate = new DateOnly(2026, 10, 10),
                    EndDate = new DateOnly(2026, 10, 10),
                    RecordedAt = DateTime.UtcNow,
                    RecordedByName = "Test",
                    Attendances = [attendance],
                });
                attendance.Evaluation = new CpdEvaluation { Comment = $"evaluation-of-{person.LastName}", EvaluatedOn = new DateOnly(2026, 11, 20) };
                db.CpdRequests.Add(new CpdRequest
                {
                    SchoolId = school.Id,
                    StaffMemberId = person.Id,
                    Title = "A course",
                    Reason = $"cpd-request-of-{person.LastName}",
                    StartDate = new DateOnly(2027, 1, 10),
                    EndDate = new DateOnly(2027, 1, 10),
                    RequestedAt = DateTime.UtcNow,
                });
                db.PayRecords.Add(new PayRecord
                {
                    StaffMemberId = person.Id,
                    Year = 2026,
                    Scale = $"pay-of-{person.LastName}",
                    FteSalary = 41_234m,
                    RecordedAt = DateTime.UtcNow,
                    RecordedByName = "Test",
                });
                db.CalendarFeedTokens.Add(new CalendarFeedToken { StaffMemberId = person.Id, Token = FeedSecret(person), CreatedAt = DateTime.UtcNow });
            }
            return await db.SaveChangesAsync();
        });
        return new(trust, school, ada, await Data.CreateUserAsync(UserRole.Staff, staff: ada),
            bert, await Data.CreateUserAsync(UserRole.Staff, staff: bert));
    }

    /// <summary>A calendar feed's secret: 43 characters, unique to the person.</summary>
    private static string FeedSecret(StaffMember person) => $"secret-of-{person.LastName}".PadRight(CalendarFeedToken.TokenLength, 'x');

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url)
    {
        var token = await PageForms.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>Every file in the ZIP, by name.</summary>
    private static async Task<Dictionary<string, string>> UnzipAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }

    private static void HoldsOnly(Dictionary<string, string> files, StaffMember person, TestUser account, StaffMember other, TestUser otherAccount, bool withPay)
    {
        foreach (var kind in new[] { "staff-record", "assessments", "objectives", "reviews", "observations", "evidence", "account", "sessions", "api-tokens", "audit",
            "qualifications", "standard-ratings", "career-steps", "cpd-activities", "cpd-requests", "cpd-evaluations", "calendar-feeds" })
        {
            Assert.Contains($"{kind}.json", files.Keys);
            Assert.Contains($"{kind}.csv", files.Keys);
        }
        foreach (var (file, mark) in new[]
        {
            ("qualifications", "qualification-note-of"), ("standard-ratings", "rating-note-of"), ("career-steps", "pathway-of"),
            ("cpd-activities", "cpd-of"), ("cpd-requests", "cpd-request-of"), ("cpd-evaluations", "evaluation-of"),
        })
        {
            Assert.Contains($"{mark}-{person.LastName}", files[$"{file}.json"]);
            Assert.Contains($"{mark}-{person.LastName}", files[$"{file}.csv"]);
            Assert.Contains($"{mark}-{person.LastName}", files["summary.html"]);
        }
        Assert.Contains("Qualified teacher status", files["qualifications.csv"]);
        // The feed is listed, never its secret (which would let anyone read the person's calendar).
        Assert.Equal(2, files["calendar-feeds.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain($"secret-of-{person.LastName}", string.Concat(files.Values));
        if (withPay)
        {
            Assert.Contains($"pay-of-{person.LastName}", files["pay-records.json"]);
            Assert.Contains("41234", files["pay-records.csv"]);
        }
        else
        {
            Assert.DoesNotContain("pay-records.json", files.Keys);
            Assert.DoesNotContain("pay-recommendations.json", files.Keys);
            Assert.DoesNotContain($"pay-of-{person.LastName}", string.Concat(files.Values));
            Assert.Contains("Pay records and pay recommendations are not included", files["summary.html"]);
        }
        Assert.Contains(person.LastName, files["summary.html"]);
        Assert.Contains(person.LastName, files["staff-record.csv"]);
        Assert.Contains($"assessment-note-of-{person.LastName}", files["assessments.json"]);
        Assert.Contains($"observation-note-of-{person.LastName}", files["observations.csv"]);
        Assert.Contains(account.Email, files["account.json"]);
        var everything = string.Concat(files.Values);
        Assert.DoesNotContain($"assessment-note-of-{other.LastName}", everything);
        Assert.DoesNotContain($"observation-note-of-{other.LastName}", everything);
        Assert.DoesNotContain(otherAccount.Email, everything);
        foreach (var mark in new[] { "qualification-note-of", "rating-note-of", "pathway-of", "cpd-of", "cpd-request-of", "evaluation-of", "pay-of", "secret-of" })
        {
            Assert.DoesNotContain($"{mark}-{other.LastName}", everything);
        }
        Assert.DoesNotContain("TokenHash", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PasswordHash", everything, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task DownloadOwnData_HoldsTheirRecordsAndNobodyElses_AndIsAudited()
    {
        // Arrange
        var scene = await SceneAsync();
        var client = await App.CreateSignedInClientAsync(scene.AdaUser);
        var page = await PageAssert.OkAsync(await client.GetAsync("/account"));
        Assert.NotNull(page.GetElementById("download-my-data"));

        // Act
        var files = await UnzipAsync(await PostAsync(client, "/account?handler=Download"));

        // Assert
        HoldsOnly(files, scene.Ada, scene.AdaUser, scene.Bert, scene.BertUser, withPay: true);
        Assert.Contains(AuditActions.SignedIn, files["audit.csv"]);
        var audited = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.OwnDataDownloaded && e.RecordId == scene.AdaUser.Id).ToListAsync());
        var row = Assert.Single(audited);
        Assert.Equal((scene.AdaUser.Id, scene.Ada.Id), (row.UserId, row.StaffMemberId));
    }

    [SkippableFact]
    public async Task SubjectAccess_TrustAdminLogsARequest_SeesItsDueDate_AndDownloadsOnlyThatPersonsData()
    {
        // Arrange
        var scene = await SceneAsync();
        var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: scene.Trust));
        var url = $"/trusts/{scene.Trust.Code}/subject-access";

        // Act: received on Saturday 31 January 2026; a month on is 28 February, a Saturday.
        var logged = await PageForms.SubmitAsync(admin, url, "Input.ReceivedOn", new Dictionary<string, string>
        {
            ["Input.StaffMemberId"] = scene.Ada.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceivedOn"] = "2026-01-31",
            ["Input.Note"] = "By email to the DPO",
        });

        // Assert
        PageAssert.RedirectsTo(logged, url);
        var list = await PageAssert.OkAsync(await admin.GetAsync(url));
        var row = list.QuerySelector("#requests tbody tr")!;
        Assert.Contains(scene.Ada.FullName, row.TextContent);
        Assert.Contains("2 Mar 2026", row.TextContent);
        var request = await Data.WithDbAsync(db => db.SubjectAccessRequests.AsNoTracking().SingleAsync(r => r.StaffMemberId == scene.Ada.Id));
        Assert.Equal(new DateOnly(2026, 3, 2), request.DueOn);

        // Act: answer it.
        var files = await UnzipAsync(await PostAsync(admin, $"{url}?handler=Download&id={request.Id}"));

        // Assert: the admin has no pay access, so the pay is left out and the summary says so.
        HoldsOnly(files, scene.Ada, scene.AdaUser, scene.Bert, scene.BertUser, withPay: false);
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.RecordType == AuditRecordTypes.SubjectAccessRequest && e.StaffMemberId == scene.Ada.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.SubjectAccessLogged, AuditActions.SubjectAccessAnswered], audit);
        Assert.False(await Data.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PayRecordsRead && e.StaffMemberId == scene.Ada.Id)));
        Assert.NotNull((await Data.WithDbAsync(db => db.SubjectAccessRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id))).AnsweredAt);
    }

    [SkippableFact]
    public async Task SubjectAccess_AnsweredByATrustAdminWithPayAccess_HoldsThePersonsPayAndAuditsItsRead()
    {
        // Arrange
        var scene = await SceneAsync();
        var adminUser = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: scene.Trust);
        await Data.WithDbAsync(db => db.Users.Where(u => u.Id == adminUser.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));
        var admin = await App.CreateSignedInClientAsync(adminUser);
        var request = await Data.WithDbAsync(async db =>
        {
            var r = new SubjectAccessRequest
            {
                TrustId = scene.Trust.Id,
                StaffMemberId = scene.Ada.Id,
                ReceivedOn = new DateOnly(2026, 11, 2),
                DueOn = new DateOnly(2026, 12, 2),
                LoggedAt = DateTime.UtcNow,
                LoggedByName = "Test",
            };
            db.SubjectAccessRequests.Add(r);
            await db.SaveChangesAsync();
            return r;
        });

        // Act
        var files = await UnzipAsync(await PostAsync(admin, $"/trusts/{scene.Trust.Code}/subject-access?handler=Download&id={request.Id}"));

        // Assert
        HoldsOnly(files, scene.Ada, scene.AdaUser, scene.Bert, scene.BertUser, withPay: true);
        var payRead = Assert.Single(await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.PayRecordsRead && e.StaffMemberId == scene.Ada.Id).ToListAsync()));
        Assert.Equal((adminUser.Id, scene.Trust.Id), (payRead.UserId, payRead.TrustId));
    }

    [SkippableFact]
    public async Task SubjectAccess_ReceivedInTheFuture_Is400WithTheErrorOnItsField_AndNothingLogged()
    {
        // Arrange
        var scene = await SceneAsync();
        var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: scene.Trust));

        // Act
        var response = await PageForms.SubmitAsync(admin, $"/trusts/{scene.Trust.Code}/subject-access", "Input.ReceivedOn", new Dictionary<string, string>
        {
            ["Input.StaffMemberId"] = scene.Ada.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceivedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_ReceivedOn");
        Assert.False(await Data.WithDbAsync(db => db.SubjectAccessRequests.AnyAsync(r => r.StaffMemberId == scene.Ada.Id)));
    }

    [SkippableFact]
    public async Task SubjectAccess_OthersThanTheTrustsAdmins_Get403_AndNoData()
    {
        // Arrange: a request logged for Ada.
        var scene = await SceneAsync();
        var otherTrust = await Data.CreateTrustAsync();
        var request = await Data.WithDbAsync(async db =>
        {
            var r = new SubjectAccessRequest
            {
                TrustId = scene.Trust.Id,
                StaffMemberId = scene.Ada.Id,
                ReceivedOn = new DateOnly(2026, 11, 2),
                DueOn = new DateOnly(2026, 12, 2),
                LoggedAt = DateTime.UtcNow,
                LoggedByName = "Test",
            };
            db.SubjectAccessRequests.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        var url = $"/trusts/{scene.Trust.Code}/subject-access";
        var refused = new[]
        {
            await App.CreateSignedInClientAsync(scene.BertUser),
            await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: scene.School)),
            await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: otherTrust)),
        };

        foreach (var client in refused)
        {
            // Act
            var page = await client.GetAsync(url);
            var download = await PostAsync(client, $"{url}?handler=Download&id={request.Id}");

            // Assert
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
            Assert.NotEqual("application/zip", download.Content.Headers.ContentType?.MediaType);
        }
        // The other trust's admin, on their own trust's page, cannot reach this trust's request either.
        var otherAdmin = refused[2];
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(otherAdmin, $"/trusts/{otherTrust.Code}/subject-access?handler=Download&id={request.Id}")).StatusCode);
        Assert.Null((await Data.WithDbAsync(db => db.SubjectAccessRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id))).AnsweredAt);
        PageAssert.RedirectsToSignIn(await App.CreateClient().GetAsync(url));
    }
}
