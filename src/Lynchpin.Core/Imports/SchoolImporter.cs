using System.Linq.Expressions;
using Lynchpin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Imports;

/// <summary>A file to import into one school, and who is importing it (recorded by imports that keep a history).</summary>
public sealed record ImportRequest(int SchoolUrn, Stream File, string FileName, Recorder? By = null);

/// <summary>What the web page and the command line call: any import into one school.</summary>
public interface ISchoolImporter
{
    Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default);
}

/// <summary>An import into one school, named by URN: the pipeline of <see cref="Importer{TRow}"/>, after finding the school.</summary>
public abstract class SchoolImporter<TRow>(LynchpinDbContext db, ImportFormat format) : Importer<TRow>(db, format), ISchoolImporter
    where TRow : class
{
    public Task<ImportResult> ImportAsync(int schoolUrn, Stream file, string fileName, CancellationToken cancellationToken = default) =>
        ImportAsync(new ImportRequest(schoolUrn, file, fileName), cancellationToken);

    public async Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        var school = await Db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == request.SchoolUrn, cancellationToken);
        if (school is null)
        {
            return ImportResult.Failed([new RowError(0, $"There is no school with URN {request.SchoolUrn}; import it from GIAS first")]);
        }
        return await RunAsync(new ImportRun(school, request.By), () => TabularFile.Open(request.File, request.FileName), cancellationToken);
    }

    /// <summary>
    /// Replaces the school's whole list (a timetable, its duties) with <paramref name="rows"/>: deletes the stored ones
    /// and adds these, in the import's transaction.
    /// </summary>
    protected async Task<ImportResult> ReplaceAsync<T>(DbSet<T> stored, Expression<Func<T, bool>> ofSchool,
        IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        var replaced = await stored.Where(ofSchool).ExecuteDeleteAsync(cancellationToken);
        stored.AddRange(rows);
        await Db.SaveChangesAsync(cancellationToken);
        return new ListImportResult(rows.Count, replaced);
    }
}
