using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Demo;

public record DemoSignIn(string Description, string Email, string Password);

/// <summary>Seeds the demo trust into an empty database. (Stub: being written.)</summary>
public class DemoData(LynchpinDbContext db, UserManager<AppUser> users)
{
    public Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = db;
        _ = users;
        return Task.FromResult<IReadOnlyList<DemoSignIn>>([]);
    }
}
