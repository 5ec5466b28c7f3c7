using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pupils;
using Lynchpin.Tests.Coaching;
using Lynchpin.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// Every coaching and pupil route as every role that touches them, including Coach and VirtualSchool: no access outside a
/// coach's caseload for this year or a virtual school's authority, none for a TA, another school's head or a trust admin
/// without a school role; and no page or endpoint an account may open shows a pupil whose record it may not read. The people are those of <see cref="CoachingScenario"/>. The main matrix
/// (<see cref="RouteMatrixTests"/>) keeps the older routes; a new coaching or pupil route adds its row here.
/// </summary>
public abstract class CoachingRouteMatrixTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CoachingRouteMatrixTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CoachingRouteMatrixTests(app), IClassFixture<PostgresAppFactory>;

    public enum Who { Anonymous, TrustAdmin, Leader, Champion, Teacher, KeyAdult, Assistant, Coach, PastCoach, OtherCoach, VirtualSchool, OtherVirtualSchool, Outsider }

    private const int Ok = 200, Forbidden = 403, Unauthorized = 401, Login = 3020, Redirected = 302, Refused = 400;
    private const int L = Login, F = Forbidden, O = Ok, U = Unauthorized, R = Redirected;

    // Columns: Anonymous, TrustAdmin, Leader, Champion, Teacher (designated), KeyAdult (named for P1), Assistant (TA), Coach (A1 now),
    // PastCoach (A1 last year), OtherCoach (B1 now), VirtualSchool (P1's and P3's authority), OtherVirtualSchool, Outsider (head of B1).
    private static readonly (string Route, int[] Expected)[] GetRoutes =
    [
        ("/coaching", [L, F, F, F, F, F, F, O, O, O, F, F, F]),
        ("/coaching/calendar", [L, F, F, F, F, F, F, O, O, O, F, F, F]),
        ("/coaching/caseloads", [L, O, F, F, F, F, F, F, F, F, O, O, F]),
        ("/coaching/outcomes-reference", [L, O, F, F, F, F, F, F, F, F, O, O, F]),
        ("/pupils", [L, F, O, O, O, O, F, O, F, O, O, O, O]),
        ("/pupils?school={A1}", [L, F, O, O, O, O, F, O, F, O, O, O, O]),
        ("/pupils/{P1}", [L, F, O, O, O, O, F, O, F, F, O, F, F]),
        ("/pupils/{P2}", [L, F, O, O, O, F, F, O, F, F, F, F, F]),
        ("/pupils/{P3}", [L, F, F, F, F, F, F, F, F, O, O, F, O]),
        ("/pupils/{P1}/peps/{Pep1}", [L, F, O, O, O, O, F, O, F, F, O, F, F]),
        ("/pupils/{P1}/peps/new", [L, F, O, O, O, F, F, O, F, F, F, F, F]),
        ("/pupils/{P1}/conversations/new", [L, F, O, O, O, F, F, O, F, F, F, F, F]),
        ("/schools/{A1}/coaching", [L, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/schools/{B1}/coaching", [L, F, F, F, F, F, F, F, F, O, F, F, O]),
        ("/schools/{A1}/coaching/plan", [L, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/schools/{A1}/coaching/plan/print", [L, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/schools/{A1}/coaching/plan/actions", [L, F, O, O, F, F, F, O, F, F, F, F, F]),
        ("/schools/{A1}/coaching/visits/record", [L, F, F, F, F, F, F, O, F, F, F, F, F]),
        ("/schools/{A1}/coaching/focus-groups/new", [L, F, O, O, O, F, F, O, F, F, F, F, F]),
        ("/schools/{A1}/coaching/impact", [L, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/schools/{A1}/coaching/impact?measure=suspensions", [L, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/schools/{A1}/import-pupils", [L, F, O, F, O, F, F, F, F, F, F, F, F]),
        ("/schools/{A1}/import-attendance", [L, F, O, F, O, F, F, F, F, F, F, F, F]),
        ("/schools/{A1}/import-exclusions", [L, F, O, F, O, F, F, F, F, F, F, F, F]),
        ("/schools/{B1}/import-pupils", [L, F, F, F, F, F, F, F, F, F, F, F, O]),
        ("/api/coaching/{Year}/impact?school={A1}&measure=attendance", [U, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/api/coaching/{Year}/impact?school={B1}&measure=persistent-absence", [U, F, F, F, F, F, F, F, F, O, F, F, O]),
        ("/api/coaching/caseload", [U, F, F, F, F, F, F, O, O, O, F, F, F]),
        ("/api/schools/{A1}/pupils", [U, F, O, O, O, O, F, O, F, F, O, F, F]),
        ("/api/schools/{B1}/pupils", [U, F, F, F, F, F, F, F, F, O, O, F, O]),
        ("/api/schools/{A1}/peps", [U, F, O, O, O, O, F, O, F, F, O, F, F]),
        ("/api/schools/{A1}/coaching/visits", [U, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/api/schools/{A1}/coaching/plan", [U, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/api/schools/{A1}/coaching/report?format=csv", [U, O, O, O, O, F, F, O, O, F, F, F, F]),
        ("/api/schools/{A1}/coaching/report?format=xlsx", [U, O, O, O, O, F, F, O, O, F, F, F, F]),
    ];

    private CoachingScenario _s = null!;
    private Dictionary<Who, HttpClient> _clients = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _s = await CoachingScenario.CreateAsync(Data);
        _clients = new() { [Who.Anonymous] = App.CreateClient() };
        foreach (var (who, user) in new[]
        {
            (Who.TrustAdmin, _s.TrustAdmin), (Who.Leader, _s.Leader), (Who.Champion, _s.ChampionUser), (Who.Teacher, _s.TeacherUser),
            (Who.KeyAdult, _s.KeyAdultUser), (Who.Assistant, _s.AssistantUser), (Who.Coach, _s.Coach), (Who.PastCoach, _s.PastCoach),
            (Who.OtherCoach, _s.OtherCoach), (Who.VirtualSchool, _s.VirtualSchool), (Who.OtherVirtualSchool, _s.OtherVirtualSchool),
            (Who.Outsider, _s.Outsider),
        })
        {
            _clients[who] = await App.CreateSignedInClientAsync(user);
        }
    }

    public override Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        return base.DisposeAsync();
    }

    private string Resolve(string route) => route
        .Replace("{A1}", _s.SchoolA1.Urn.ToString()).Replace("{B1}", _s.SchoolB1.Urn.ToString())
        .Replace("{P1}", _s.P1.Id.ToString()).Replace("{P2}", _s.P2.Id.ToString()).Replace("{P3}", _s.P3.Id.ToString())
        .Replace("{Pep1}", _s.Pep1.ToString()).Replace("{Year}", _s.Year.ToString());

    [SkippableFact]
    public async Task Get_EveryCoachingRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var mismatches = new List<string>();
        foreach (var (route, expected) in GetRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(Resolve(route));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected[(int)who]}, got {status}");
                }
                if (status == Ok)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    foreach (var pupil in PupilsNotReadableBy(who).Where(p => Names(body, p)))
                    {
                        mismatches.Add($"GET {route} as {who}: shows pupil {pupil.LastName}, whose record they may not read");
                    }
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>The pupils whose record (by the rows for /pupils/{Pn} above) <paramref name="who"/> may not read.</summary>
    private IEnumerable<Pupil> PupilsNotReadableBy(Who who) =>
        new[] { ("/pupils/{P1}", _s.P1), ("/pupils/{P2}", _s.P2), ("/pupils/{P3}", _s.P3) }
            .Where(p => GetRoutes.Single(r => r.Route == p.Item1).Expected[(int)who] != Ok).Select(p => p.Item2);

    private static bool Names(string body, Pupil pupil) =>
        body.Contains(pupil.Upn, StringComparison.Ordinal) || Regex.IsMatch(body, $@"\b{pupil.LastName}\b");

    [SkippableFact]
    public async Task Get_PupilReadsAllowed_WriteAnAuditRowForEachAndRefusedOnesWriteNone()
    {
        var before = await PupilReadsAsync(_s.P1.Id);

        foreach (var who in new[] { Who.Leader, Who.Teacher, Who.KeyAdult, Who.Coach, Who.VirtualSchool })
        {
            using var allowed = await _clients[who].GetAsync(Resolve("/pupils/{P1}"));
            Assert.Equal(200, (int)allowed.StatusCode);
        }
        foreach (var who in new[] { Who.TrustAdmin, Who.Assistant, Who.PastCoach, Who.OtherCoach, Who.OtherVirtualSchool, Who.Outsider })
        {
            using var refused = await _clients[who].GetAsync(Resolve("/pupils/{P1}"));
            Assert.Equal(403, (int)refused.StatusCode);
        }

        var rows = await PupilReadsAsync(_s.P1.Id);
        var added = rows.Skip(before.Count).ToList();
        Assert.Equal([_s.Leader.Id, _s.TeacherUser.Id, _s.KeyAdultUser.Id, _s.Coach.Id, _s.VirtualSchool.Id],
            added.Select(r => r.UserId));
        Assert.Contains("as achievement coach", added[3].Detail);
        Assert.Contains("as virtual school", added[4].Detail);
    }

    // The form may depend on who posts, so that each allowed post succeeds rather than repeating the one before it.
    private static readonly (string Route, Func<CoachingScenario, Who, Dictionary<string, string>> Form, int[] Expected)[] PostRoutes =
    [
        ("/pupils/{P1}/peps/new", (s, _) => new()
        {
            ["Input.MeetingOn"] = $"{s.Year}-09-01", ["Input.SocialWorker"] = "Jo Social", ["Input.DesignatedTeacher"] = "D T", ["Input.Carer"] = "Pat Carer",
            ["Input.ChildViews"] = "I want to go to football club.", ["Input.Transition"] = "None", ["Input.ChildAttended"] = "true",
            ["Input.CoachAttended"] = "false",
        }, [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        ("/pupils/{P1}/conversations/new", (s, _) => new()
        {
            ["Input.HeldOn"] = Iso(s.Today), ["Input.ParentOrCarer"] = "Pat Carer", ["Input.ChildTookPart"] = "true",
            ["Input.Explore"] = "Mornings are hard.", ["Input.Targets[0].Target"] = "On time every day",
            ["Input.Targets[0].HomeAction"] = "Alarm at 7", ["Input.Targets[0].SchoolAction"] = "Breakfast club",
        }, [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        ("/pupils/{P1}?handler=Worker", (s, who) => new()
        {
            ["Worker.StaffMemberId"] = (who switch { Who.Leader => s.Assistant, Who.Champion => s.Head, Who.Teacher => s.Champion, _ => s.DesignatedTeacher }).Id.ToString(),
            ["Worker.Role"] = "mentor",
        }, [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        ("/pupils/{P1}?handler=Contacts", (s, who) => new() { ["Contacts.CarerName"] = $"Pat Carer ({who})" },
            [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        ("/pupils/{P1}?handler=Flags", (s, who) => new()
        {
            ["Flags[0].Flag"] = "LookedAfter", ["Flags[0].From"] = Iso(s.Today.AddDays(-10 - (int)who)),
        }, [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        ("/pupils/{P1}?handler=RemoveWorker", (s, _) => new() { ["workerId"] = s.KeyAdultWorker.ToString() },
            [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        ("/pupils/{P1}?handler=Attainment", (s, _) => new()
        {
            ["Attainment.AssessedOn"] = Iso(s.Today), ["Attainment.Subject"] = "English", ["Attainment.Scale"] = "Gcse", ["Attainment.Grade"] = "5",
        }, [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching/visits/record", (s, _) => new()
        {
            ["Input.Date"] = $"{s.Year}-09-01", ["Input.WhoMet"] = "The School Champion", ["Input.Areas"] = "Leadership",
        }, [L, F, F, F, F, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching?handler=PlanVisit", (s, _) => new() { ["Plan.Date"] = $"{s.Year + 1}-08-31" },
            [L, F, F, F, F, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching?handler=CancelVisit", (s, _) => new() { ["visitId"] = s.CoachPlannedVisit.ToString() },
            [L, F, F, F, F, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching?handler=PlannedVisits", (s, _) => new() { ["Planned.PlannedVisits"] = "14" },
            [L, F, F, F, F, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching/plan/actions", (s, _) => new()
        {
            ["Input.Area"] = "Leadership", ["Input.Description"] = "Governor training on PEPs", ["Input.Status"] = "NotStarted",
        }, [L, F, R, R, F, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching/plan?handler=Aim", (s, who) => new()
        {
            ["AimInput.Area"] = "Leadership", ["AimInput.Aim"] = $"Governors hold the school to account for PEPs ({who})",
        }, [L, F, R, R, F, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching/plan?handler=Review", (s, _) => new()
        {
            ["Review.Area"] = "Leadership", ["Review.ReviewedOn"] = Iso(s.Today), ["Review.Status"] = "Amber", ["Review.Note"] = "Training booked.",
        }, [L, F, R, R, F, F, F, R, F, F, F, F, F]),
        ("/schools/{A1}/coaching/focus-groups/new", (s, _) => new()
        {
            ["Input.HeldOn"] = Iso(s.Today), ["Input.Kind"] = "Pupils", ["Input.Participants"] = "6", ["Input.Themes"] = "Feeling listened to",
        }, [L, F, R, R, R, F, F, R, F, F, F, F, F]),
        // Coaching at A1 began this year, so the outcome can no longer be chosen: a 400 shows the right was granted.
        ("/schools/{A1}/coaching/impact?handler=Register", (s, _) => new() { ["Register.Measure"] = "Attendance" },
            [L, Refused, Refused, F, F, F, F, F, F, F, F, F, F]),
        ("/schools/{A1}/coaching?handler=Contacts", (s, _) => new()
        {
            ["Contacts.DesignatedTeacherId"] = s.DesignatedTeacher.Id.ToString(), ["Contacts.ChampionId"] = s.Champion.Id.ToString(),
        }, [L, R, R, F, F, F, F, F, F, F, F, F, F]),
        ("/coaching/caseloads", (s, _) => new()
        {
            ["Input.Coach"] = s.Coach.Email, ["Input.Year"] = s.Year.ToString(), ["Input.Schools"] = s.SchoolA1.Urn.ToString(),
        }, [L, R, F, F, F, F, F, F, F, F, R, R, F]),
        // No file: a 400 shows the right was granted, and nothing is stored.
        ("/coaching/outcomes-reference", (s, _) => new(), [L, Refused, F, F, F, F, F, F, F, F, Refused, Refused, F]),
        ("/coaching/calendar?handler=Reset", (s, _) => new(), [L, F, F, F, F, F, F, R, R, R, F, F, F]),
    ];

    [SkippableFact]
    public async Task Post_EveryCoachingWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var mismatches = new List<string>();
        foreach (var (route, form, expected) in PostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var values = form(_s, who);
                if (who != Who.Anonymous)
                {
                    values["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(_clients[who]);
                }
                var before = await FingerprintAsync();
                using var response = await _clients[who].PostAsync(Resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    Assert.Equal(before, await FingerprintAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Counts and values of everything the coaching forms write.</summary>
    private Task<string> FingerprintAsync() => Data.WithDbAsync(async db => string.Join("/",
        await db.Peps.CountAsync(), await db.StructuredConversations.CountAsync(), await db.PupilWorkers.CountAsync(), await db.AttainmentRecords.CountAsync(),
        string.Join(",", await db.CoachingVisits.OrderBy(v => v.Id).Select(v => v.Status + "@" + v.Date).ToListAsync()),
        string.Join(",", await db.CaseloadSchools.OrderBy(c => c.Id).Select(c => c.SchoolId + ":" + c.PlannedVisits).ToListAsync()),
        await db.PlanActions.CountAsync(), string.Join(",", await db.ActionPlanAims.OrderBy(a => a.Id).Select(a => a.Text).ToListAsync()),
        await db.PlanReviews.CountAsync(), await db.FocusGroups.CountAsync(), await db.ImpactPlans.CountAsync(),
        string.Join(",", await db.SchoolCoachingContacts.OrderBy(c => c.Id).Select(c => c.DesignatedTeacherId + ":" + c.ChampionId).ToListAsync()),
        string.Join(",", await db.CalendarFeedTokens.OrderBy(t => t.UserId).Select(t => t.Token).ToListAsync()),
        string.Join(",", await db.Pupils.OrderBy(p => p.Id).Select(p => p.CarerName).ToListAsync())));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<Core.Data.Models.AuditEvent>> PupilReadsAsync(int pupilId) => Data.WithDbAsync(db =>
        db.AuditEvents.Where(e => e.Action == PupilAudit.PupilRead && e.Detail!.StartsWith($"pupil {pupilId} ")).OrderBy(e => e.Id).ToListAsync());

    private static int Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var toSignIn = response.Headers.Location?.OriginalString.Contains("/sign-in", StringComparison.Ordinal) == true;
        return status == 302 && toSignIn ? Login : status;
    }
}
