using Lynchpin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lynchpin.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the context for this provider's migrations (scripts/add-migration.sh).</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<LynchpinDbContext>
{
    public LynchpinDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LynchpinDbContext>();
        DatabaseOptions.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=lynchpin_design;Username=postgres");
        return new LynchpinDbContext(options.Options);
    }
}
