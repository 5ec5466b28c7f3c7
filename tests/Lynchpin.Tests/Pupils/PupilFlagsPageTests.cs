using System.Net;
using Lynchpin.Core.Pupils;
using Lynchpin.Tests.Coaching;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Pupils;

/// <summary>
/// A pupil's flags and their dates on the pupil's record (/pupils/{id}, handler Flags): those who record for the pupil end a
/// flag and add another, audited with who and what the flags now are; a date that is not one, an end before its start and
/// looked-after beside previously-looked-after are 400s on their fields with nothing saved; a key adult who only reads is refused.
/// </summary>
public abstract class PupilFlagsPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PupilFlagsPageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : PupilFlagsPageTests(app), IClassFixture<PostgresAppFactory>;

    private static string Record(CoachingScenario s) => $"/pupils/{s.P1.Id}";

    private Task<List<(PupilFlag Flag, DateOnly From, DateOnly? To)>> StoredAsync(CoachingScenario s) =>
        Data.WithDbAsync(async db => (await db.PupilFlags.AsNoTracking().Where(f => f.PupilId == s.P1.Id).ToListAsync())
            .OrderBy(f => f.Flag).ThenBy(f => f.From).Select(f => (f.Flag, f.From, f.To)).ToList());

    [SkippableFact]
    public async Task Post_DesignatedTeacherEndsPupilPremiumAndAddsChildInNeed_ShownOnTheRecordAndAudited()
    {
        // Arrange: P1 is looked after (row 0) and pupil premium (row 1), both from the day P1 entered care; rows 2 and 3 are empty
        var s = await CoachingScenario.CreateAsync(Data);
        var entered = s.P1.EnteredCareOn!.Value;
        using var teacher = await App.CreateSignedInClientAsync(s.TeacherUser);
        var ended = s.Today.AddDays(-30);
        var since = s.Today.AddDays(-5);

        // Act
        using var saved = await PageForms.SubmitAsync(teacher, Record(s), "Flags[0].Flag", new Dictionary<string, string>
        {
            ["Flags[1].To"] = $"{ended:yyyy-MM-dd}",
            ["Flags[2].Flag"] = "ChildInNeed",
            ["Flags[2].From"] = $"{since:yyyy-MM-dd}",
        });
        using var page = await teacher.GetAsync(Record(s));

        // Assert
        PageAssert.RedirectsTo(saved, Record(s));
        Assert.Equal([(PupilFlag.LookedAfter, entered, null), (PupilFlag.ChildInNeed, since, null), (PupilFlag.PupilPremium, entered, ended)],
            await StoredAsync(s));
        var details = PageAssert.Text((await PageAssert.OkAsync(page)).GetElementById("details"));
        Assert.Contains($"Child in need: from {since:d MMM yyyy}", details);
        Assert.Contains($"Pupil premium: from {entered:d MMM yyyy} to {ended:d MMM yyyy}", details);
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == PupilRecords.FlagsChanged && e.Detail!.StartsWith($"flags of pupil {s.P1.Id} ")));
        Assert.Equal(s.TeacherUser.Id, audit.UserId);
        Assert.EndsWith($"looked-after from {entered:yyyy-MM-dd}; child-in-need from {since:yyyy-MM-dd}; pupil-premium from {entered:yyyy-MM-dd} to {ended:yyyy-MM-dd}", audit.Detail);
    }

    [SkippableFact]
    public async Task Post_BadDates_Are400sWithTheErrorSummaryOnEachFieldAndNothingChanges()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var leader = await App.CreateSignedInClientAsync(s.Leader);
        var before = await StoredAsync(s);

        // Act: a date that is not one; then an end before its start and previously-looked-after while looked after
        using var notADate = await PageForms.SubmitAsync(leader, Record(s), "Flags[0].Flag", new Dictionary<string, string>
        {
            ["Flags[0].From"] = "2025-02-30",
        });
        using var clashes = await PageForms.SubmitAsync(leader, Record(s), "Flags[0].Flag", new Dictionary<string, string>
        {
            ["Flags[1].To"] = $"{s.P1.EnteredCareOn!.Value.AddDays(-1):yyyy-MM-dd}",
            ["Flags[2].Flag"] = "PreviouslyLookedAfter",
            ["Flags[2].From"] = $"{s.Today.AddDays(-3):yyyy-MM-dd}",
            ["Flags[3].Flag"] = "ChildInNeed",
        });

        // Assert
        var first = await PageAssert.FormErrorsAsync(notADate, "Flags_0__From");
        Assert.Contains("Enter a real start date", PageAssert.Text(first.GetElementById("Flags_0__From-error")));
        Assert.NotNull(first.QuerySelector("details#flags[open]"));
        var second = await PageAssert.FormErrorsAsync(clashes, "Flags_1__To", "Flags_2__From", "Flags_3__From");
        Assert.Contains("Pupil premium ends on or after the day it starts", PageAssert.Text(second.GetElementById("Flags_1__To-error")));
        Assert.Contains("not looked after and previously looked after at the same time", PageAssert.Text(second.GetElementById("Flags_2__From-error")));
        Assert.Contains("Enter the date child in need applies from", PageAssert.Text(second.GetElementById("Flags_3__From-error")));
        Assert.Equal(before, await StoredAsync(s));
        Assert.False(await Data.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == PupilRecords.FlagsChanged && e.Detail!.StartsWith($"flags of pupil {s.P1.Id} "))));
    }

    [SkippableFact]
    public async Task Post_KeyAdultWhoMayOnlyRead_IsRefusedAndSeesNoFlagsForm()
    {
        // Arrange: the key adult is named for P1, so reads the record, but does not record for the pupil
        var s = await CoachingScenario.CreateAsync(Data);
        using var keyAdult = await App.CreateSignedInClientAsync(s.KeyAdultUser);
        using var page = await keyAdult.GetAsync(Record(s));
        var document = await PageAssert.OkAsync(page);
        var token = await PageForms.AntiforgeryTokenAsync(keyAdult);
        var before = await StoredAsync(s);

        // Act
        using var refused = await keyAdult.PostAsync($"{Record(s)}?handler=Flags", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Flags[0].Flag"] = "ChildProtection",
            ["Flags[0].From"] = $"{s.Today:yyyy-MM-dd}",
        }));

        // Assert
        Assert.Null(document.GetElementById("flags"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await StoredAsync(s));
    }
}
