using Lynchpin.Core.Data;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Schools;

/// <summary>Imports schools and trusts from a GIAS establishment extract. (Stub: being written.)</summary>
public class GiasImporter(LynchpinDbContext db)
{
    public Task<ImportResult> ImportAsync(Stream file, CancellationToken cancellationToken = default)
    {
        _ = db;
        return Task.FromResult(ImportResult.Failed([new RowError(0, "Not written yet.")]));
    }
}
