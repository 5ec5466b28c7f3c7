using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Data;

public class LynchpinDbContext(DbContextOptions<LynchpinDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Trust> Trusts => Set<Trust>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ProgressionFramework> ProgressionFrameworks => Set<ProgressionFramework>();
    public DbSet<ProgressionStage> ProgressionStages => Set<ProgressionStage>();
    public DbSet<StageCriterion> StageCriteria => Set<StageCriterion>();
    public DbSet<CheckpointDate> CheckpointDates => Set<CheckpointDate>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AppraisalCycle> AppraisalCycles => Set<AppraisalCycle>();
    public DbSet<Appraisal> Appraisals => Set<Appraisal>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<AppraisalReview> AppraisalReviews => Set<AppraisalReview>();
    public DbSet<ObjectiveRating> ObjectiveRatings => Set<ObjectiveRating>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<PayRecommendation> PayRecommendations => Set<PayRecommendation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LynchpinDbContext).Assembly);
    }
}
