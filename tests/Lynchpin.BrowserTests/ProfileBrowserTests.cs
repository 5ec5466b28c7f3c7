using System.Globalization;
using System.Text.RegularExpressions;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The Professional Progression Profile in a browser: a head records a stage and a correction and sees the profile's
/// table and chart move; the teaching assistant reflects on her own assessment; the assess form's errors.
/// Every number is read before and after, so the tests hold whatever assessments the demo trust comes with.
/// </summary>
public class ProfileBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static int ThisYear => SchoolYear.Of(Today);

    /// <summary>One stage's count (or "Not assessed") at one checkpoint, as the table shows it and as the chart holds it.</summary>
    private sealed record Reading(int Table, double Chart);

    [SkippableFact]
    public Task SchoolLeader_RecordsStageThenCorrection_ProfileTableAndChartMove() => RunAsync(async page =>
    {
        // Arrange: someone not yet assessed at a checkpoint of this year
        var (person, checkpoint) = await ChooseUnassessedAsync();
        var where = $"the {SchoolYear.CheckpointName(checkpoint).ToLowerInvariant()}, {SchoolYear.Name(ThisYear)}";
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await OpenProfileAsync(page);
        await SaveScreenshotAsync(page, "profile-before");
        var before = await ReadProfileAsync(page, checkpoint, 3, 4);

        // Act: find the person as a user would and record stage 3
        await RecordStageAsync(page, person, checkpoint, stage: 3, note: "Seen teaching a well-planned sequence of lessons in two observations.", recordedBefore: null);

        // Assert: the person's page confirms it and shows the stage at that checkpoint
        Assert.Equal($"Stage 3 for {person.FullName} at {where} is recorded.", await SuccessBannerAsync(page));
        Assert.Equal("3", await StageLink(page, checkpoint).GetAttributeAsync("data-stage"));
        Assert.StartsWith("Stage 3:", (await page.Locator("#assessment-stage").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("Rachel Whitfield", (await page.Locator("#assessment-assessor").InnerTextAsync()).Trim());
        Assert.Contains("well-planned sequence", await page.Locator("#assessment-note").InnerTextAsync(), StringComparison.Ordinal);
        var criteria = await page.Locator("#assessment-criteria li").AllInnerTextsAsync();
        Assert.Equal(2, criteria.Count);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "person-progression-recorded");

        // Assert: one more at stage 3, one fewer not assessed, in the table and the chart alike
        await OpenProfileAsync(page);
        var recorded = await ReadProfileAsync(page, checkpoint, 3, 4);
        Assert.Equal(before["3"].Table + 1, recorded["3"].Table);
        Assert.Equal(before["3"].Chart + 1, recorded["3"].Chart);
        Assert.Equal(before["Not assessed"].Table - 1, recorded["Not assessed"].Table);
        Assert.Equal(before["Not assessed"].Chart - 1, recorded["Not assessed"].Chart);
        Assert.Equal(before["4"], recorded["4"]);
        Assert.All(recorded.Values, r => Assert.Equal(r.Table, r.Chart));

        // Act: a correction to stage 4 at the same checkpoint, found the same way
        await RecordStageAsync(page, person, checkpoint, stage: 4, note: null, recordedBefore: 3);

        // Assert: a correction, with both versions in the history and only the new one current
        Assert.Equal($"Stage 4 for {person.FullName} at {where} is recorded as a correction; the earlier version is kept.", await SuccessBannerAsync(page));
        Assert.Equal("4", await StageLink(page, checkpoint).GetAttributeAsync("data-stage"));
        var history = page.Locator($"table[data-history='{ThisYear}-{checkpoint}'] tbody tr");
        Assert.Equal(2, await history.CountAsync());
        var newest = await history.Nth(0).InnerTextAsync();
        var earlier = await history.Nth(1).InnerTextAsync();
        Assert.Equal("2", await history.Nth(0).GetAttributeAsync("data-version"));
        Assert.Contains("Stage 4:", newest, StringComparison.Ordinal);
        Assert.Contains("Current", newest, StringComparison.Ordinal);
        Assert.Contains("Stage 3:", earlier, StringComparison.Ordinal);
        Assert.Contains("Superseded", earlier, StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "person-progression-history");

        // Assert: the person moved from stage 3 to stage 4; not assessed is as after the first record
        await OpenProfileAsync(page);
        var corrected = await ReadProfileAsync(page, checkpoint, 3, 4);
        Assert.Equal(before["3"], corrected["3"]);
        Assert.Equal(before["4"].Table + 1, corrected["4"].Table);
        Assert.Equal(before["4"].Chart + 1, corrected["4"].Chart);
        Assert.Equal(recorded["Not assessed"], corrected["Not assessed"]);
        await SaveScreenshotAsync(page, "profile-after");
    });

    [SkippableFact]
    public Task TeachingAssistant_ReflectsOnOwnAssessment_ButCannotSeeTheProfile() => RunAsync(async page =>
    {
        // Arrange: her line manager has recorded a stage for her this year
        var checkpoint = SchoolYear.FirstCheckpoint;
        await using (var scope = Browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            var ta = await db.StaffMembers.SingleAsync(s => s.Email == DemoData.TeachingAssistantEmail);
            var manager = await db.StaffMembers.SingleAsync(s => s.Email == DemoData.LineManagerEmail);
            await scope.ServiceProvider.GetRequiredService<AssessmentRecorder>().RecordAsync(
                new AssessmentInput(ta.Id, ThisYear, checkpoint, 3, Today, manager.Id, [], "Runs phonics interventions well."),
                new Recorder(null, manager.FullName));
        }
        var reflection = $"I want to lead the reading group next term ({Guid.NewGuid():N}).";
        await SignInAsDemoUserAsync(page, DemoData.TeachingAssistantEmail);

        // Act: from her own record to her progression, then to that checkpoint's assessment
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await page.Locator("#staff-table").GetByRole(AriaRole.Link, new() { Name = "Kayleigh Brooks" }).ClickAsync();
        await page.Locator("#progression-link").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/progression", StringComparison.Ordinal));
        await StageLink(page, checkpoint).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"checkpoint={checkpoint}", StringComparison.Ordinal));
        await AssertNoAxeViolationsAsync(page);

        // Assert: she may not record her own stage
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record a stage") }).CountAsync());

        // Act: write and save her reflection
        await page.GetByLabel("Your reflection").FillAsync(reflection);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        // Assert
        Assert.Equal("Your reflection is saved.", await SuccessBannerAsync(page));
        Assert.Equal(reflection, await page.GetByLabel("Your reflection").InputValueAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "ta-progression-reflection");
        await using (var scope = Browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            Assert.Equal(reflection, await db.Assessments
                .Where(a => a.StaffMember.Email == DemoData.TeachingAssistantEmail && a.Year == ThisYear && a.Checkpoint == checkpoint && a.IsCurrent)
                .Select(a => a.Reflection).SingleAsync());
        }

        // Act: the school's profile
        var profile = await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");

        // Assert
        Assert.NotNull(profile);
        Assert.Equal(403, profile.Status);
        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Profile" }).CountAsync());
        await AssertNoAxeViolationsAsync(page);
    });

    [SkippableFact]
    public Task SchoolLeader_SavesStageWithoutChoosingOne_SeesErrorSummaryAndNothingSaved() => RunAsync(async page =>
    {
        // Arrange
        var (person, checkpoint) = await ChooseUnassessedAsync();
        var versionsBefore = await VersionCountAsync(person.Id);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/staff/{person.Id}/progression/assess?year={ThisYear}&checkpoint={checkpoint}");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "assess-form");

        // Act: a note but no stage
        await page.GetByLabel("Evidence (optional)").FillAsync("Kept after the error.");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save stage" }).ClickAsync(),
            r => r.Request.Method == "POST");

        // Assert: 400 with the summary linking to the stage radios, the field's own error, the note kept
        Assert.Equal(400, response.Status);
        var summary = page.Locator(".govuk-error-summary");
        Assert.True(await summary.IsVisibleAsync());
        var link = summary.GetByRole(AriaRole.Link, new() { Name = $"Select the stage {person.FirstName} has reached" });
        Assert.Equal("#Input_Stage", await link.GetAttributeAsync("href"));
        Assert.Contains($"Select the stage {person.FirstName} has reached", await page.Locator("#Input_Stage-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Kept after the error.", await page.GetByLabel("Evidence (optional)").InputValueAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "assess-form-errors");
        Assert.Equal(versionsBefore, await VersionCountAsync(person.Id));

        // Act: follow the summary's link
        await link.ClickAsync();

        // Assert: it lands on the first stage
        Assert.Equal("Input_Stage", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    });

    /// <summary>
    /// A Northfield Academy person with a unique name, in post, and with no assessment at a checkpoint of this year:
    /// the next checkpoint due if it has one, else any other. Not the head (who cannot assess herself) nor the teaching assistant.
    /// </summary>
    private async Task<(StaffMember Person, int Checkpoint)> ChooseUnassessedAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn);
        var checkpoints = await scope.ServiceProvider.GetRequiredService<ProfileCalculator>().CheckpointsAsync(school.Id, ThisYear);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Id).OrderBy(s => s.StaffRef).ToListAsync();
        var assessed = (await db.Assessments
                .Where(a => a.StaffMember.SchoolId == school.Id && a.Year == ThisYear && a.IsCurrent)
                .Select(a => new { a.StaffMemberId, a.Checkpoint }).ToListAsync())
            .Select(a => (a.StaffMemberId, a.Checkpoint)).ToHashSet();
        var uniqueNames = staff.GroupBy(s => s.FullName).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        string[] excluded = [DemoData.HeadEmail, DemoData.TeachingAssistantEmail];
        var order = checkpoints.OrderBy(c => c.Date < Today).ThenBy(c => c.Date);
        foreach (var c in order)
        {
            var person = staff.FirstOrDefault(s => uniqueNames.Contains(s.FullName) && !excluded.Contains(s.Email)
                && s.InPostOn(c.Date) && s.InPostOn(Today) && !assessed.Contains((s.Id, c.Number)));
            if (person is not null)
            {
                return (person, c.Number);
            }
        }
        throw new InvalidOperationException($"Everyone at {DemoData.SecondaryName} is assessed at every checkpoint of {SchoolYear.Name(ThisYear)}.");
    }

    private async Task<int> VersionCountAsync(int staffId)
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        return await db.Assessments.CountAsync(a => a.StaffMemberId == staffId);
    }

    /// <summary>From the menu to the school's profile for this year, chosen in the filter; waits for the chart, checks the tables fit and axe.</summary>
    private static async Task OpenProfileAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Profile", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/profile");
        await page.GetByLabel("School year").SelectOptionAsync(new SelectOptionValue { Value = ThisYear.ToString(CultureInfo.InvariantCulture) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"year={ThisYear}", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('checkpoint-chart'))");
        Assert.Contains(SchoolYear.Name(ThisYear), await page.Locator("#profile-scope").InnerTextAsync(), StringComparison.Ordinal);
        // At the default desktop width no table hides columns behind a sideways scroll.
        Assert.Empty(await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.lynchpin-table-scroll')].filter(d => d.scrollWidth > d.clientWidth).map(d => d.querySelector('table').id)"));
        await AssertNoAxeViolationsAsync(page);
    }

    /// <summary>
    /// The given stages' counts and "Not assessed" at a checkpoint, from the table (the count before the percentage)
    /// and from the drawn chart's datasets, each found by its label rather than its position.
    /// </summary>
    private static async Task<Dictionary<string, Reading>> ReadProfileAsync(IPage page, int checkpoint, params int[] stages)
    {
        var name = SchoolYear.CheckpointName(checkpoint);
        var table = await page.EvaluateAsync<Dictionary<string, string>>(
            """
            name => {
              const table = document.getElementById('checkpoint-table');
              const headers = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
              const column = headers.findIndex(h => h.startsWith(name));
              const rows = {};
              for (const row of table.querySelectorAll('tbody tr')) {
                rows[row.querySelector('th').innerText.trim()] = row.children[column].innerText.trim();
              }
              return rows;
            }
            """, name);
        var chart = await page.EvaluateAsync<Dictionary<string, double>>(
            """
            name => {
              const chart = Chart.getChart(document.getElementById('checkpoint-chart'));
              const index = chart.data.labels.indexOf(name);
              const values = {};
              for (const set of chart.data.datasets) {
                values[set.label] = set.data[index];
              }
              return values;
            }
            """, name);

        static int Count(string cell) => int.Parse(cell.Split(' ')[0], CultureInfo.InvariantCulture);
        var readings = new Dictionary<string, Reading>();
        foreach (var stage in stages)
        {
            var prefix = $"{stage} ";
            readings[stage.ToString(CultureInfo.InvariantCulture)] = new Reading(
                Count(Assert.Single(table, r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Value),
                Assert.Single(chart, s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).Value);
        }
        // A checkpoint not yet due shows "Not yet due" in the table, never a count; the chart's series still holds it.
        var notAssessed = table["Not assessed"];
        readings["Not assessed"] = new Reading(notAssessed == "Not yet due" ? (int)chart["Not assessed"] : Count(notAssessed), chart["Not assessed"]);
        return readings;
    }

    /// <summary>
    /// Staff list → the person → Professional progression → "Record a stage" at the checkpoint; fills and saves the form
    /// (this year, the checkpoint, the stage, today, the first two criteria if no earlier version chose some, the note).
    /// When a stage is <paramref name="recordedBefore"/>, the form must say so and start from it.
    /// </summary>
    private static async Task RecordStageAsync(IPage page, StaffMember person, int checkpoint, int stage, string? note, int? recordedBefore)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await page.GetByLabel("Name, job title, reference or email").FillAsync(person.FullName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        await page.Locator("#staff-table").GetByRole(AriaRole.Link, new() { Name = person.FullName, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{person.Id}");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Professional progression of {person.FullName}" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{person.Id}/progression");
        await AssertNoAxeViolationsAsync(page);
        await page.Locator($"tr[data-year='{ThisYear}'] td[data-checkpoint='{checkpoint}']")
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record a stage") }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{person.Id}/progression/assess");
        Assert.Equal("Record a stage", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertNoAxeViolationsAsync(page);
        var notice = page.Locator("#existing-notice");
        if (recordedBefore is int earlier)
        {
            Assert.Contains($"Stage {earlier} is already recorded", await notice.InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^Stage {earlier}:") }).IsCheckedAsync());
        }
        else
        {
            Assert.Equal(0, await notice.CountAsync());
        }

        await page.GetByLabel("School year").SelectOptionAsync(new SelectOptionValue { Value = ThisYear.ToString(CultureInfo.InvariantCulture) });
        await page.GetByLabel("Checkpoint").SelectOptionAsync(new SelectOptionValue { Value = checkpoint.ToString(CultureInfo.InvariantCulture) });
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^Stage {stage}:") }).CheckAsync();
        var boxes = page.Locator("input[name='Input.CriteriaMet']");
        if (await page.Locator("input[name='Input.CriteriaMet']:checked").CountAsync() == 0)
        {
            await boxes.Nth(0).CheckAsync();
            await boxes.Nth(1).CheckAsync();
        }
        await page.GetByLabel("Date of the assessment").FillAsync(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (note is not null)
        {
            await page.GetByLabel("Evidence (optional)").FillAsync(note);
        }
        await SaveScreenshotAsync(page, $"assess-form-stage-{stage}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save stage" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/{person.Id}/progression");
    }

    private static ILocator StageLink(IPage page, int checkpoint) =>
        page.Locator($"tr[data-year='{ThisYear}'] td[data-checkpoint='{checkpoint}'] a[data-stage]");

    private static async Task<string> SuccessBannerAsync(IPage page) =>
        (await page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading").InnerTextAsync()).Trim();
}
