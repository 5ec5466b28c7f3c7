using System.Net;
using Lynchpin.Core.Pupils;
using Lynchpin.Tests.Coaching;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Pupils;

/// <summary>
/// The carer and social worker on a pupil's record (/pupils/{id}, handler Contacts): those who record for the pupil change
/// them, the change is audited with who made it; a too-long value is a 400 on its field; staff who may only read are refused.
/// </summary>
public abstract class PupilContactsPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PupilContactsPageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : PupilContactsPageTests(app), IClassFixture<PostgresAppFactory>;

    private static string Record(CoachingScenario s) => $"/pupils/{s.P1.Id}";

    private Task<(string? Carer, string? CarerContact, string? Worker, string? WorkerContact)> StoredAsync(CoachingScenario s) =>
        Data.WithDbAsync(async db => await db.Pupils.AsNoTracking().Where(p => p.Id == s.P1.Id)
            .Select(p => new ValueTuple<string?, string?, string?, string?>(p.CarerName, p.CarerContact, p.SocialWorkerName, p.SocialWorkerContact)).SingleAsync());

    [SkippableFact]
    public async Task Post_DesignatedTeacherSavesCarerAndSocialWorker_ShownOnTheRecordAndAudited()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var teacher = await App.CreateSignedInClientAsync(s.TeacherUser);

        // Act
        using var saved = await PageForms.SubmitAsync(teacher, Record(s), "Contacts.CarerName", new Dictionary<string, string>
        {
            ["Contacts.CarerName"] = "Karen Ellis",
            ["Contacts.CarerContact"] = "07700 900123",
            ["Contacts.SocialWorkerName"] = "Dev Patel",
            ["Contacts.SocialWorkerContact"] = "dev.patel@exampleshire.example",
        });
        using var page = await teacher.GetAsync(Record(s));

        // Assert
        PageAssert.RedirectsTo(saved, Record(s));
        var text = PageAssert.Text((await PageAssert.OkAsync(page)).QuerySelector("main"));
        Assert.Contains("Karen Ellis, 07700 900123", text);
        Assert.Contains("Dev Patel, dev.patel@exampleshire.example", text);
        Assert.Equal(("Karen Ellis", "07700 900123", "Dev Patel", "dev.patel@exampleshire.example"), await StoredAsync(s));
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == PupilRecords.ContactsChanged && e.Detail!.StartsWith($"carer and social worker of pupil {s.P1.Id} ")));
        Assert.Equal(s.TeacherUser.Id, audit.UserId);
    }

    [SkippableFact]
    public async Task Post_ContactTooLong_Is400OnItsFieldAndSavesNothing()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var teacher = await App.CreateSignedInClientAsync(s.TeacherUser);

        // Act
        using var refused = await PageForms.SubmitAsync(teacher, Record(s), "Contacts.CarerName", new Dictionary<string, string>
        {
            ["Contacts.CarerName"] = "Karen Ellis",
            ["Contacts.SocialWorkerContact"] = new string('7', 301),
        });

        // Assert
        await PageAssert.FormErrorsAsync(refused, "Contacts_SocialWorkerContact");
        Assert.Equal((null, null, null, null), await StoredAsync(s));
    }

    [SkippableFact]
    public async Task Post_KeyAdultWhoMayOnlyRead_IsRefusedAndNothingChanges()
    {
        // Arrange: the key adult is named for P1, so reads the record, but does not record for the pupil
        var s = await CoachingScenario.CreateAsync(Data);
        using var keyAdult = await App.CreateSignedInClientAsync(s.KeyAdultUser);
        using var page = await keyAdult.GetAsync(Record(s));
        var document = await PageAssert.OkAsync(page);
        var token = await PageForms.AntiforgeryTokenAsync(keyAdult);

        // Act
        using var refused = await keyAdult.PostAsync($"{Record(s)}?handler=Contacts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Contacts.CarerName"] = "Someone Else",
        }));

        // Assert
        Assert.Null(document.QuerySelector("#Contacts_CarerName"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal((null, null, null, null), await StoredAsync(s));
    }
}
