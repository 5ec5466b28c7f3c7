using System.IO.Compression;
using System.Net;
using System.Text;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Pages.Progression.Profile;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Security;

/// <summary>
/// Issue 11: "spreadsheet cells neutralised in every CSV export". Every CSV the app writes — the audit trail, a person's
/// own data and a subject access answer (a CSV per record kind in the ZIP), the rota, the profile and the coaching
/// report — goes through <see cref="SpreadsheetText"/>: text a person typed starting with = + - @, a tab or a carriage
/// return arrives with an apostrophe in front, and no cell of any export starts as a formula would.
/// (Careers, CPD and pay have no CSV export; an import's error report is shown on its page, never exported.)
/// </summary>
public abstract class CsvExportsTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CsvExportsTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CsvExportsTests(app), IClassFixture<PostgresAppFactory>;

    /// <summary>What an attacker would type, one for each way a spreadsheet starts a formula.</summary>
    public static readonly string[] Hazards =
        ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"];

    [SkippableFact]
    public async Task OwnDataAndSubjectAccess_EveryCsvInTheZip_HasNoFormulaCell()
    {
        // Arrange: a person whose record, observation and assessment hold the hazards.
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var person = await Data.CreateStaffAsync(school, jobTitle: Hazards[0], lastName: Hazards[1]);
        var observer = await Data.CreateStaffAsync(school);
        await Data.WithDbAsync(async db =>
        {
            db.ObservationRecords.Add(new ObservationRecord
            {
                SchoolId = school.Id, Kind = ObservationKind.DropIn, ObserverId = observer.Id, ObserveeId = person.Id,
                Date = new DateOnly(2026, 11, 2), Notes = Hazards[2], Subject = Hazards[4], Class = Hazards[5],
                CreatedByName = "Test", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            db.Assessments.Add(new Assessment
            {
                StaffMemberId = person.Id, Year = 2026, Checkpoint = 1, Stage = 2, AssessedOn = new DateOnly(2026, 10, 1),
                Note = Hazards[3], RecordedAt = DateTime.UtcNow, RecordedByName = "Test",
            });
            return await db.SaveChangesAsync();
        });
        var account = await Data.CreateUserAsync(UserRole.Staff, staff: person);
        using var own = await App.CreateSignedInClientAsync(account);
        using var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));
        var request = await Data.WithDbAsync(async db =>
        {
            var r = new SubjectAccessRequest
            {
                TrustId = trust.Id, StaffMemberId = person.Id, ReceivedOn = new DateOnly(2026, 11, 2), DueOn = new DateOnly(2026, 12, 2),
                LoggedAt = DateTime.UtcNow, LoggedByName = "Test",
            };
            db.SubjectAccessRequests.Add(r);
            await db.SaveChangesAsync();
            return r;
        });

        // Act
        var ownCsvs = await CsvsInZipAsync(await PostAsync(own, "/account", "/account?handler=Download"));
        var sarCsvs = await CsvsInZipAsync(await PostAsync(admin, $"/trusts/{trust.Code}/subject-access",
            $"/trusts/{trust.Code}/subject-access?handler=Download&id={request.Id}"));

        // Assert
        foreach (var csvs in new[] { ownCsvs, sarCsvs })
        {
            Assert.Contains("staff-record.csv", csvs.Keys);
            foreach (var (name, csv) in csvs)
            {
                AssertNoFormulaCell(name, csv);
            }
            var everything = string.Concat(csvs.Values.SelectMany(Cells));
            foreach (var hazard in Hazards)
            {
                Assert.Contains("'" + hazard, everything, StringComparison.Ordinal);
            }
        }
    }

    [SkippableFact]
    public async Task AuditCsv_RowsHoldingHazards_HaveNoFormulaCell()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        await Data.WithDbAsync(async db =>
        {
            foreach (var hazard in Hazards)
            {
                db.AuditEvents.Add(new AuditEvent { At = DateTime.UtcNow, UserName = hazard, Action = AuditActions.Exported, TrustId = trust.Id, Detail = hazard });
            }
            return await db.SaveChangesAsync();
        });
        using var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        using var response = await admin.GetAsync($"/trusts/{trust.Code}/audit?handler=Csv");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        AssertNoFormulaCell("audit", csv);
        Assert.All(Hazards, h => Assert.Contains("'" + h, Cells(csv)));
    }

    [Fact]
    public void RotaCsv_VisitsHoldingHazards_HaveNoFormulaCell()
    {
        // Arrange
        var visits = Hazards.Select(h => new Visit(new DateOnly(2026, 11, 3), TimetableWeek.B, "2", new TimeOnly(9, 0), new TimeOnly(10, 0),
            "AC9", "T1", h, h, h, h)).ToList();

        // Act
        var csv = RotaCsv.ToCsv(visits);

        // Assert
        AssertNoFormulaCell("rota", csv);
        Assert.All(Hazards, h => Assert.Contains("'" + h, Cells(csv)));
    }

    [Fact]
    public void CoachingReportCsv_TablesHoldingHazards_HaveNoFormulaCell()
    {
        // Arrange
        IReadOnlyList<CoachingReport.Table> tables = [new("Visits", ["notes", "actions agreed"], Hazards.Select(h => (IReadOnlyList<string?>)[h, h]).ToList())];

        // Act
        var csv = CoachingReport.Csv(tables);

        // Assert
        AssertNoFormulaCell("coaching report", csv);
        Assert.All(Hazards, h => Assert.Contains("'" + h, Cells(csv)));
    }

    [Fact]
    public void ProfileCsv_HasNoFormulaCell()
    {
        // Arrange: the profile holds numbers and the checkpoints' own names, nothing typed; its cells go through the same writer.
        var profile = new SchoolProfile(2025, SchoolYear.Checkpoints
            .Select(n => new CheckpointProfile(new CheckpointInfo(n, SchoolYear.DefaultDate(2025, n)), StageDistribution.Empty)).ToList());

        // Act
        var csv = Encoding.UTF8.GetString(ExportModel.Csv(profile));

        // Assert
        AssertNoFormulaCell("profile", csv);
        Assert.StartsWith(string.Join(',', ExportModel.Columns) + "\r\n", csv, StringComparison.Ordinal);
    }

    /// <summary>Fails naming the export and the cell when any cell starts as a formula would.</summary>
    public static void AssertNoFormulaCell(string export, string csv)
    {
        foreach (var cell in Cells(csv))
        {
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{export}: the cell \"{cell}\" starts as a formula would.");
        }
    }

    /// <summary>The cells of an RFC 4180 CSV, quotes undone.</summary>
    public static List<string> Cells(string csv)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' || (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n'))
            {
                cells.Add(cell.ToString());
                cell.Clear();
                if (c == '\r')
                {
                    i++;
                }
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0)
        {
            cells.Add(cell.ToString());
        }
        return cells;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url)
    {
        using var shown = await client.GetAsync(page);
        var token = (await Html.ParseAsync(shown)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {page}");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    private static async Task<Dictionary<string, string>> CsvsInZipAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal)).ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }
}
