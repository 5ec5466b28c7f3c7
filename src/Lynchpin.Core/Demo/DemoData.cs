using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Demo;

public record DemoSignIn(string Description, string Email, string Password);

/// <summary>Seeds the demo trust into an empty database. (Stub: being written.)</summary>
public class DemoData(LynchpinDbContext db, UserManager<AppUser> users)
{
    public const string TrustCode = "TR04321";
    public const string TrustName = "Northfield Learning Trust";
    public const int SecondaryUrn = 147382;
    public const string SecondaryName = "Northfield Academy";
    public const int PrimaryUrn = 149105;
    public const string PrimaryName = "Brookside Primary Academy";
    public const int SpecialUrn = 150276;
    public const string SpecialName = "Willow Bank School";

    /// <summary>Every demo account's password; printed at start-up and in the README.</summary>
    public const string Password = "Northfield-Demo-2026";

    public const string TrustAdminEmail = "trust.admin@northfield-trust.example";
    /// <summary>The secondary's headteacher (SchoolLeader).</summary>
    public const string HeadEmail = "rachel.whitfield@northfield-academy.sch.example";
    /// <summary>The secondary's school business manager: SLT without QTS (SchoolLeader).</summary>
    public const string BusinessManagerEmail = "imran.hussain@northfield-academy.sch.example";
    /// <summary>The secondary's SENCo, who line-manages the teaching assistants (LineManager).</summary>
    public const string LineManagerEmail = "siobhan.gallagher@northfield-academy.sch.example";
    /// <summary>A teaching assistant at the secondary (Staff).</summary>
    public const string TeachingAssistantEmail = "kayleigh.brooks@northfield-academy.sch.example";
    /// <summary>The primary's headteacher (SchoolLeader).</summary>
    public const string PrimaryHeadEmail = "nasreen.akhtar@brookside-primary.sch.example";

    public Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = db;
        _ = users;
        return Task.FromResult<IReadOnlyList<DemoSignIn>>([]);
    }
}
