using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Kernel;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Imports;

/// <summary>
/// A NUL (or another C0 control character) in any cell of any import is a row error with its line, the same on both
/// databases; before, SQLite stored it and PostgreSQL answered 500.
/// </summary>
public abstract class ControlCharacterTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ControlCharacterTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ControlCharacterTests(app), IClassFixture<PostgresAppFactory>;

    public static TheoryData<string, string> EveryImportAndCharacter()
    {
        var data = new TheoryData<string, string>();
        foreach (var import in ImportTable.All)
        {
            data.Add(import.Key, "\0");
        }
        data.Add(ImportTable.All[0].Key, "\u0007");
        data.Add(ImportTable.All[0].Key, "\u001b");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(EveryImportAndCharacter))]
    public async Task Import_CellWithAControlCharacter_RefusedWithTheLineAndNothingStored(string key, string character)
    {
        // Arrange: every column of the import, each cell a plausible word, the last one with the character inside it.
        App.RequireDatabase();
        var import = ImportTable.Find(key)!;
        var school = await Data.CreateSchoolAsync();
        var header = string.Join(",", import.Columns);
        var row = string.Join(",", import.Columns.Select((_, i) => i == import.Columns.Count - 1 ? $"Smith{character}Jones" : "x"));
        await using var scope = App.Services.CreateAsyncScope();
        var before = await CountRowsAsync(scope.ServiceProvider, school);

        // Act
        var result = await import.ImporterFrom(scope.ServiceProvider)
            .ImportAsync(new ImportRequest(school.Urn, ImportFiles.Csv([header, row]), $"{key}.csv", new Recorder(null, "Test")));

        // Assert
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Message.Contains("control character"));
        Assert.Equal(2, error.Line);
        Assert.StartsWith(import.Columns[^1], error.Message);
        Assert.Equal(before, await CountRowsAsync(scope.ServiceProvider, school));
    }

    private static async Task<int> CountRowsAsync(IServiceProvider services, School school)
    {
        var db = services.GetRequiredService<Lynchpin.Core.Data.LynchpinDbContext>();
        return await db.StaffMembers.CountAsync(s => s.SchoolId == school.Id) + await db.TimetableRows.CountAsync();
    }
}
