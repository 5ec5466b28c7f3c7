using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Lynchpin.Core.Data;

public class LynchpinDbContext(DbContextOptions<LynchpinDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Trust> Trusts => Set<Trust>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<TrustSignIn> TrustSignIns => Set<TrustSignIn>();
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
    public DbSet<TimetableRow> TimetableRows => Set<TimetableRow>();
    public DbSet<StaffDuty> StaffDuties => Set<StaffDuty>();
    public DbSet<SchoolCalendarSettings> SchoolCalendarSettings => Set<SchoolCalendarSettings>();
    public DbSet<BlockedDate> BlockedDates => Set<BlockedDate>();
    public DbSet<ObservationSettings> ObservationSettings => Set<ObservationSettings>();
    public DbSet<RotaObserver> RotaObservers => Set<RotaObserver>();
    public DbSet<ObservationRota> ObservationRotas => Set<ObservationRota>();
    public DbSet<RotaVisit> RotaVisits => Set<RotaVisit>();
    public DbSet<ObservationRecord> ObservationRecords => Set<ObservationRecord>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    /// <summary>
    /// Saves, and raises the version of every school whose data changed (and the structure version) in the same
    /// transaction, so no cache keyed by them can outlive the data it was computed from (see <see cref="Data.DataVersions"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = await Data.DataVersions.PendingAsync(this, cancellationToken);
        if (!changes.Any)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Data.DataVersions.RaiseAsync(this, changes, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    /// <summary>Every save goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which keeps the versions.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it raises the data versions that caches depend on.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LynchpinDbContext).Assembly);
    }
}
