using System.Text;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Imports;

/// <summary>
/// A real SQLite database for one test, built by the app's migrations. It lives in shared-cache memory, kept alive by
/// one open connection, so each <see cref="CreateContext"/> (like each web request) has its own context and connection.
/// </summary>
public sealed class ImportsDatabase : IDisposable
{
    private readonly string connectionString = $"Data Source=imports-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly SqliteConnection keepAlive;

    public ImportsDatabase()
    {
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public LynchpinDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<LynchpinDbContext>();
        DatabaseOptions.Configure(builder, DatabaseProvider.Sqlite, connectionString);
        return new LynchpinDbContext(builder.Options);
    }

    public async Task<Trust> AddTrustAsync(string code, string name)
    {
        await using var db = CreateContext();
        var trust = new Trust { Code = code, Name = name };
        db.Trusts.Add(trust);
        await db.SaveChangesAsync();
        return trust;
    }

    public async Task<School> AddSchoolAsync(int urn, string name, Trust? trust = null)
    {
        await using var db = CreateContext();
        var school = new School { Urn = urn, Name = name, TrustId = trust?.Id };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        return school;
    }

    /// <summary>Stores a person directly (not through an import), optionally managed by someone already stored.</summary>
    public async Task<StaffMember> AddStaffAsync(School school, string staffRef, StaffMember? lineManager = null, string jobTitle = "Teacher")
    {
        await using var db = CreateContext();
        var person = new StaffMember
        {
            SchoolId = school.Id,
            StaffRef = staffRef,
            FirstName = "Stored",
            LastName = staffRef,
            JobTitle = jobTitle,
            RoleFamily = RoleFamily.Teaching,
            LineManagerId = lineManager?.Id,
        };
        db.StaffMembers.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>Sets a stored person's line manager, to build reporting lines an import must respect.</summary>
    public async Task SetLineManagerAsync(StaffMember person, StaffMember lineManager)
    {
        await using var db = CreateContext();
        await db.StaffMembers.Where(s => s.Id == person.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LineManagerId, lineManager.Id));
    }

    public void Dispose() => keepAlive.Dispose();
}

/// <summary>Builds import files in memory.</summary>
public static class ImportFiles
{
    /// <summary>The lines joined with LF, as UTF-8 without a byte order mark (unless the caller asks).</summary>
    public static MemoryStream Csv(IEnumerable<string> lines, string newline = "\n", Encoding? encoding = null)
    {
        var text = string.Join(newline, lines) + newline;
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        return new MemoryStream(bytes);
    }

    /// <summary>A UTF-8 file with a byte order mark, as Excel's "CSV UTF-8" writes.</summary>
    public static MemoryStream CsvWithBom(IEnumerable<string> lines, string newline = "\r\n")
    {
        var body = Csv(lines, newline).ToArray();
        return new MemoryStream([.. Encoding.UTF8.Preamble, .. body]);
    }

    public static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestFiles", name);
}
