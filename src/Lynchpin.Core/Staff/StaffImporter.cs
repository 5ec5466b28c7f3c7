using Lynchpin.Core.Data;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Staff;

/// <summary>Imports a school's staff from CSV or XLSX, all or nothing. (Stub: being written.)</summary>
public class StaffImporter(LynchpinDbContext db)
{
    public Task<ImportResult> ImportAsync(int schoolUrn, Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        _ = db;
        return Task.FromResult(ImportResult.Failed([new RowError(0, "Not written yet.")]));
    }
}
