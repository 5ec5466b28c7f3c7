using Lynchpin.Core.Appraisals;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class AppraisalCycleMapping : IEntityTypeConfiguration<AppraisalCycle>
{
    public void Configure(EntityTypeBuilder<AppraisalCycle> builder)
    {
        builder.Property(c => c.OpenedByName).HasMaxLength(AppraisalReview.NameMaxLength);
        builder.HasIndex(c => new { c.SchoolId, c.Year }).IsUnique().HasDatabaseName(AppraisalCycle.SchoolYearUniqueIndexName);
        builder.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Appraisals).WithOne(a => a.Cycle).HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AppraisalMapping : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> builder)
    {
        builder.Property(a => a.ObjectivesStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.NotAgreedReason).HasMaxLength(Appraisal.ReasonMaxLength);
        builder.Property(a => a.ObjectivesReopenReason).HasMaxLength(Appraisal.ReasonMaxLength);
        builder.Property(a => a.ObjectivesReopenedByName).HasMaxLength(AppraisalReview.NameMaxLength);
        builder.HasIndex(a => new { a.CycleId, a.StaffMemberId }).IsUnique().HasDatabaseName(Appraisal.CycleStaffUniqueIndexName);
        builder.HasIndex(a => a.StaffMemberId);
        builder.HasIndex(a => a.AppraiserId);
        builder.HasIndex(a => a.ReviewerId);
        builder.HasOne(a => a.StaffMember).WithMany().HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Appraiser).WithMany().HasForeignKey(a => a.AppraiserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Reviewer).WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Objectives).WithOne(o => o.Appraisal).HasForeignKey(o => o.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reviews).WithOne(r => r.Appraisal).HasForeignKey(r => r.AppraisalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ObjectiveMapping : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(Objective.TitleMaxLength);
        builder.Property(o => o.SuccessCriteria).HasMaxLength(Objective.SuccessCriteriaMaxLength);
        // Stored as the file code ("pupil-progress") so the database reads like the import files.
        builder.Property(o => o.Type)
            .HasConversion(t => t.Code(), code => AppraisalCodes.ParseObjectiveType(code))
            .HasMaxLength(30);
        builder.Property(o => o.SchoolPriority).HasMaxLength(Objective.ShortTextMaxLength);
        builder.Property(o => o.PupilGroup).HasMaxLength(Objective.ShortTextMaxLength);
        builder.Property(o => o.Measure).HasMaxLength(Objective.ShortTextMaxLength);
        builder.Property(o => o.Baseline).HasMaxLength(Objective.ShortTextMaxLength);
        builder.Property(o => o.Target).HasMaxLength(Objective.ShortTextMaxLength);
        builder.HasIndex(o => new { o.AppraisalId, o.Type });
        builder.HasOne(o => o.SupportPlan).WithOne(p => p.Objective).HasForeignKey<SupportPlan>(p => p.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SupportPlanMapping : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> builder)
    {
        builder.Property(p => p.Actions).HasMaxLength(SupportPlan.ActionsMaxLength);
        builder.Property(p => p.CreatedByName).HasMaxLength(AppraisalReview.NameMaxLength);
        builder.HasIndex(p => p.ObjectiveId).IsUnique();
        builder.HasOne(p => p.Coach).WithMany().HasForeignKey(p => p.CoachId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class AppraisalReviewMapping : IEntityTypeConfiguration<AppraisalReview>
{
    public void Configure(EntityTypeBuilder<AppraisalReview> builder)
    {
        builder.Property(r => r.Kind).HasConversion(k => k.Code(), code => AppraisalCodes.ParseReviewKind(code)).HasMaxLength(20);
        builder.Property(r => r.AppraiserComments).HasMaxLength(AppraisalReview.CommentsMaxLength);
        builder.Property(r => r.AppraiseeComments).HasMaxLength(AppraisalReview.CommentsMaxLength);
        builder.Property(r => r.OverallComments).HasMaxLength(AppraisalReview.CommentsMaxLength);
        builder.Property(r => r.Reflection).HasMaxLength(AppraisalReview.CommentsMaxLength);
        builder.Property(r => r.ReopenReason).HasMaxLength(Appraisal.ReasonMaxLength);
        builder.Property(r => r.AppraiserSignedByName).HasMaxLength(AppraisalReview.NameMaxLength);
        builder.Property(r => r.ReopenedByName).HasMaxLength(AppraisalReview.NameMaxLength);
        builder.Ignore(r => r.IsLocked);

        // One current version per appraisal and kind (the filter reads as a boolean on both providers).
        builder.HasIndex(r => new { r.AppraisalId, r.Kind }).IsUnique()
            .HasFilter("is_current")
            .HasDatabaseName(AppraisalReview.CurrentUniqueIndexName);
        builder.HasMany(r => r.Ratings).WithOne(r => r.Review).HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Evidence).WithOne(e => e.Review).HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ObjectiveRatingMapping : IEntityTypeConfiguration<ObjectiveRating>
{
    public void Configure(EntityTypeBuilder<ObjectiveRating> builder)
    {
        builder.Property(r => r.Rating).HasConversion(r => r.Code(), code => AppraisalCodes.ParseRating(code)).HasMaxLength(20);
        builder.Property(r => r.Comment).HasMaxLength(ObjectiveRating.CommentMaxLength);
        builder.HasIndex(r => new { r.ReviewId, r.ObjectiveId }).IsUnique();
        // A rated objective cannot be removed (the rules refuse it); NO ACTION lets a whole appraisal still be deleted,
        // because both paths are followed within the one statement.
        builder.HasOne(r => r.Objective).WithMany().HasForeignKey(r => r.ObjectiveId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class EvidenceMapping : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(Evidence.FileNameMaxLength);
        builder.Property(e => e.StoredName).HasMaxLength(64);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Link).HasMaxLength(Evidence.LinkMaxLength);
        builder.Property(e => e.UploadedByName).HasMaxLength(AppraisalReview.NameMaxLength);
        builder.HasIndex(e => e.StoredName);
        builder.HasOne(e => e.Objective).WithMany().HasForeignKey(e => e.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class EvidenceFileMapping : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.HasKey(f => f.StoredName);
        builder.Property(f => f.StoredName).HasMaxLength(64);
    }
}

public class PayRecommendationMapping : IEntityTypeConfiguration<PayRecommendation>
{
    public void Configure(EntityTypeBuilder<PayRecommendation> builder)
    {
        builder.Property(p => p.Text).HasMaxLength(PayRecommendation.TextMaxLength);
        builder.Property(p => p.RecordedByName).HasMaxLength(AppraisalReview.NameMaxLength);
        builder.HasIndex(p => p.AppraisalId).IsUnique();
        builder.HasOne(p => p.Appraisal).WithMany().HasForeignKey(p => p.AppraisalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AuditEventMapping : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.UserName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.ActionMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEvent.DetailMaxLength);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.IpAddress).HasMaxLength(AuditEvent.IpAddressMaxLength);
        builder.Property(e => e.RecordType).HasMaxLength(AuditEvent.RecordTypeMaxLength);
        builder.Property(e => e.RecordId).HasMaxLength(AuditEvent.RecordIdMaxLength);
        // No foreign keys: the trail outlives the accounts and staff records it mentions.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.StaffMemberId, e.At });
        builder.HasIndex(e => new { e.TrustId, e.At });
        builder.HasIndex(e => new { e.RecordType, e.RecordId });
    }
}
