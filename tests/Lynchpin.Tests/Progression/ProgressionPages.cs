using AngleSharp.Html.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Progression;

/// <summary>Steps the progression page tests share: recording directly, reading what is stored, posting forms with repeated fields.</summary>
internal static class ProgressionPages
{
    /// <summary>A past school year, so the tests' dates are in the past whenever they run.</summary>
    public const int Year = 2025;

    /// <summary>Records through the app's own service, as a page would, for the arrange step.</summary>
    public static async Task<Assessment> RecordAsync(
        LynchpinAppFactory app, StaffMember person, int checkpoint, int stage,
        StaffMember? assessor = null, IReadOnlyList<string>? criteria = null, string? note = null, int year = Year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<AssessmentRecorder>();
        var on = SchoolYear.DefaultDate(year, checkpoint).AddDays(-2);
        return await recorder.RecordAsync(
            new AssessmentInput(person.Id, year, checkpoint, stage, on, assessor?.Id, criteria ?? [], note),
            new Recorder(null, "Test recorder"));
    }

    /// <summary>Every version stored for a person, oldest first.</summary>
    public static Task<List<Assessment>> StoredAsync(LynchpinAppFactory app, StaffMember person) =>
        app.Data.WithDbAsync(db => db.Assessments.AsNoTracking().Where(a => a.StaffMemberId == person.Id)
            .OrderBy(a => a.Year).ThenBy(a => a.Checkpoint).ThenBy(a => a.Version).ToListAsync());

    /// <summary>The form's own values (antiforgery token included) with fields replaced or added; a field may repeat, as checkboxes do.</summary>
    public static List<KeyValuePair<string, string>> Fill(IHtmlFormElement form, params (string Name, string? Value)[] changes)
    {
        var values = Html.FormValues(form);
        foreach (var name in changes.Select(c => c.Name).Distinct())
        {
            values.Remove(name);
        }
        var pairs = values.ToList();
        pairs.AddRange(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Name, c.Value!)));
        return pairs;
    }

    /// <summary>The account's antiforgery token from a page every account may open, to post where the account cannot open the form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/account/tokens");
        return Html.FormValues(Html.FormWithField(await Html.ParseAsync(page), "Input.Name"))["__RequestVerificationToken"];
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> values, Uri pageUri)
    {
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUri : new Uri(pageUri, action);
        return client.PostAsync(target, new FormUrlEncodedContent(values));
    }
}
