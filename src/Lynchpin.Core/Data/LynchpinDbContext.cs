using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Lynchpin.Core.Data;

public class LynchpinDbContext(DbContextOptions<LynchpinDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that sign cookies and antiforgery tokens, shared by every server on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<PayRecommendation> PayRecommendations => Set<PayRecommendation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<TimetableRow> TimetableRows => Set<TimetableRow>();
    public DbSet<StaffDuty> StaffDuties => Set<StaffDuty>();
    public DbSet<SchoolCalendarSettings> SchoolCalendarSettings => Set<SchoolCalendarSettings>();
    public DbSet<BlockedDate> BlockedDates => Set<BlockedDate>();
    public DbSet<SchoolTermDate> SchoolTermDates => Set<SchoolTermDate>();
    public DbSet<ObservationSettings> ObservationSettings => Set<ObservationSettings>();
    public DbSet<RotaObserver> RotaObservers => Set<RotaObserver>();
    public DbSet<ObservationRota> ObservationRotas => Set<ObservationRota>();
    public DbSet<RotaVisit> RotaVisits => Set<RotaVisit>();
    public DbSet<ObservationRecord> ObservationRecords => Set<ObservationRecord>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<SchoolTerm> SchoolTerms => Set<SchoolTerm>();
    public DbSet<Pupil> Pupils => Set<Pupil>();
    public DbSet<PupilFlagPeriod> PupilFlags => Set<PupilFlagPeriod>();
    public DbSet<PupilWorker> PupilWorkers => Set<PupilWorker>();
    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();
    public DbSet<Exclusion> Exclusions => Set<Exclusion>();
    public DbSet<AttainmentRecord> AttainmentRecords => Set<AttainmentRecord>();
    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();
    public DbSet<OutcomeReference> OutcomeReferences => Set<OutcomeReference>();
    public DbSet<SchoolOutcome> SchoolOutcomes => Set<SchoolOutcome>();
    public DbSet<CaseloadSchool> CaseloadSchools => Set<CaseloadSchool>();
    public DbSet<SchoolCoachingContacts> SchoolCoachingContacts => Set<SchoolCoachingContacts>();
    public DbSet<CoachingVisit> CoachingVisits => Set<CoachingVisit>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionPlanAim> ActionPlanAims => Set<ActionPlanAim>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<PlanReview> PlanReviews => Set<PlanReview>();
    public DbSet<Pep> Peps => Set<Pep>();
    public DbSet<PepTarget> PepTargets => Set<PepTarget>();
    public DbSet<StructuredConversation> StructuredConversations => Set<StructuredConversation>();
    public DbSet<ConversationTarget> ConversationTargets => Set<ConversationTarget>();
    public DbSet<FocusGroup> FocusGroups => Set<FocusGroup>();
    public DbSet<ImpactPlan> ImpactPlans => Set<ImpactPlan>();
    public DbSet<SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccessRequest>();
    public DbSet<RetentionSettings> RetentionSettings => Set<RetentionSettings>();
    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();

    public DbSet<StandardSet> StandardSets => Set<StandardSet>();
    public DbSet<Standard> Standards => Set<Standard>();
    public DbSet<StandardAssessment> StandardAssessments => Set<StandardAssessment>();
    public DbSet<OwnQualification> OwnQualifications => Set<OwnQualification>();
    public DbSet<PersonQualification> PersonQualifications => Set<PersonQualification>();
    public DbSet<CareerStep> CareerSteps => Set<CareerStep>();
    public DbSet<CpdActivity> CpdActivities => Set<CpdActivity>();
    public DbSet<CpdAttendance> CpdAttendances => Set<CpdAttendance>();
    public DbSet<CpdEvaluation> CpdEvaluations => Set<CpdEvaluation>();
    public DbSet<CpdRequest> CpdRequests => Set<CpdRequest>();
    public DbSet<CpdBudget> CpdBudgets => Set<CpdBudget>();
    public DbSet<PayRecord> PayRecords => Set<PayRecord>();
    public DbSet<StaffSchoolHours> StaffSchoolHours => Set<StaffSchoolHours>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<ProfessionalConversation> ProfessionalConversations => Set<ProfessionalConversation>();
    public DbSet<ConditionsEntry> ConditionsEntries => Set<ConditionsEntry>();
    public DbSet<LearningRole> LearningRoles => Set<LearningRole>();
    public DbSet<LearningRoleSettings> LearningRoleSettings => Set<LearningRoleSettings>();

    /// <summary>
    /// Saves, and raises the version of every school whose data changed (and the structure version) in the same
    /// transaction, so no cache keyed by them can outlive the data it was computed from (see <see cref="Data.DataVersions"/>).
    /// The audit trail is append-only: a save that would change or remove a row of it fails, whatever asked for it;
    /// so does one that would change a closed appraisal cycle (<see cref="global::Lynchpin.Core.Appraisals.ClosedCycles"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        StoredText.Check(ChangeTracker);
        await global::Lynchpin.Core.Appraisals.ClosedCycles.CheckAsync(this, cancellationToken);
        RaiseRevisions();
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

    /// <summary>
    /// Only the data-protection key store saves synchronously (its keys are no school's data); everything else goes
    /// through <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which keeps the versions caches depend on.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        if (ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is not DataProtectionKey))
        {
            throw new NotSupportedException("Use SaveChangesAsync: it raises the data versions that caches depend on.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Each changed <see cref="IRevised"/> record goes up one revision, and the update is conditional on the revision it
    /// was loaded at (or the one a form carried, see <see cref="Revisions.Check"/>): a save that lost a race fails with
    /// <see cref="DbUpdateConcurrencyException"/> instead of overwriting. A change not stamped by a form (an import) names nobody.
    /// </summary>
    private void RaiseRevisions()
    {
        foreach (var entry in ChangeTracker.Entries<IRevised>().Where(e => e.State == EntityState.Modified))
        {
            var revision = entry.Property(r => r.Revision);
            if (!entry.Property(r => r.RevisedAt).IsModified)
            {
                entry.Entity.RevisedAt = null;
                entry.Entity.RevisedByName = null;
            }
            revision.CurrentValue = revision.OriginalValue + 1;
        }
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit rows are only ever added: one was changed or removed.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LynchpinDbContext).Assembly);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IRevised).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(IRevised.Revision)).IsConcurrencyToken();
            builder.Entity(type.ClrType).Property(nameof(IRevised.RevisedByName)).HasMaxLength(Revisions.NameMaxLength);
        }
    }
}
