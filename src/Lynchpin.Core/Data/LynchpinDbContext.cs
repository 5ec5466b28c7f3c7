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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LynchpinDbContext).Assembly);
    }
}
