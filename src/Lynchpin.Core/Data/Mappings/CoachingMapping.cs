using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class CaseloadSchoolMapping : IEntityTypeConfiguration<CaseloadSchool>
{
    public void Configure(EntityTypeBuilder<CaseloadSchool> builder)
    {
        builder.HasIndex(c => new { c.CoachUserId, c.Year, c.SchoolId }).IsUnique();
        builder.HasIndex(c => new { c.SchoolId, c.Year });
        builder.HasOne(c => c.Coach).WithMany().HasForeignKey(c => c.CoachUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SchoolCoachingContactsMapping : IEntityTypeConfiguration<SchoolCoachingContacts>
{
    public void Configure(EntityTypeBuilder<SchoolCoachingContacts> builder)
    {
        builder.HasIndex(c => c.SchoolId).IsUnique();
        builder.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.DesignatedTeacher).WithMany().HasForeignKey(c => c.DesignatedTeacherId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Champion).WithMany().HasForeignKey(c => c.ChampionId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class CoachingVisitMapping : IEntityTypeConfiguration<CoachingVisit>
{
    public void Configure(EntityTypeBuilder<CoachingVisit> builder)
    {
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.WhoMet).HasMaxLength(CoachingVisit.WhoMetMaxLength);
        builder.Property(v => v.Notes).HasMaxLength(CoachingVisit.TextMaxLength);
        builder.Property(v => v.ActionsAgreed).HasMaxLength(CoachingVisit.TextMaxLength);
        builder.Property(v => v.RecordedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(v => new { v.SchoolId, v.Year, v.Date });
        builder.HasIndex(v => new { v.CoachUserId, v.Date });
        builder.HasOne(v => v.School).WithMany().HasForeignKey(v => v.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.Coach).WithMany().HasForeignKey(v => v.CoachUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ActionPlanMapping : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.Property(p => p.UpdatedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(p => new { p.SchoolId, p.Year }).IsUnique();
        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ActionPlanAimMapping : IEntityTypeConfiguration<ActionPlanAim>
{
    public void Configure(EntityTypeBuilder<ActionPlanAim> builder)
    {
        builder.Property(a => a.Area).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Text).HasMaxLength(ActionPlanAim.TextMaxLength);
        builder.HasIndex(a => a.PlanId);
        builder.HasOne(a => a.Plan).WithMany(p => p.Aims).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PlanActionMapping : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.Property(a => a.Area).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Description).HasMaxLength(PlanAction.DescriptionMaxLength);
        builder.Property(a => a.Evidence).HasMaxLength(PlanAction.EvidenceMaxLength);
        builder.Property(a => a.UpdatedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(a => a.PlanId);
        builder.HasIndex(a => a.OwnerId);
        builder.HasOne(a => a.Plan).WithMany(p => p.Actions).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class PlanReviewMapping : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> builder)
    {
        builder.Property(r => r.Area).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Note).HasMaxLength(PlanReview.NoteMaxLength);
        builder.Property(r => r.ReviewedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(r => r.PlanId);
        builder.HasIndex(r => r.VisitId);
        builder.HasOne(r => r.Plan).WithMany(p => p.Reviews).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Visit).WithMany().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class PepMapping : IEntityTypeConfiguration<Pep>
{
    public void Configure(EntityTypeBuilder<Pep> builder)
    {
        builder.Property(p => p.SocialWorker).HasMaxLength(Pep.NameMaxLength);
        builder.Property(p => p.DesignatedTeacher).HasMaxLength(Pep.NameMaxLength);
        builder.Property(p => p.Carer).HasMaxLength(Pep.NameMaxLength);
        builder.Property(p => p.OtherAttendees).HasMaxLength(Pep.NameMaxLength);
        builder.Property(p => p.ChildViews).HasMaxLength(Pep.TextMaxLength);
        builder.Property(p => p.ChildViewsMissingReason).HasMaxLength(Pep.NameMaxLength);
        builder.Property(p => p.Needs).HasMaxLength(Pep.TextMaxLength);
        builder.Property(p => p.AttainmentAndProgress).HasMaxLength(Pep.TextMaxLength);
        builder.Property(p => p.TransitionPlan).HasMaxLength(Pep.TextMaxLength);
        builder.Property(p => p.Transition).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.AttendancePercent).HasPrecision(5, 1);
        builder.Property(p => p.SuspensionDaysThisYear).HasPrecision(5, 1);
        builder.Property(p => p.RecordedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(p => new { p.PupilId, p.MeetingOn });
        builder.HasOne(p => p.Pupil).WithMany().HasForeignKey(p => p.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PepTargetMapping : IEntityTypeConfiguration<PepTarget>
{
    public void Configure(EntityTypeBuilder<PepTarget> builder)
    {
        builder.Property(t => t.Outcome).HasMaxLength(PepTarget.TextMaxLength);
        builder.Property(t => t.Why).HasMaxLength(PepTarget.TextMaxLength);
        builder.Property(t => t.How).HasMaxLength(PepTarget.TextMaxLength);
        builder.Property(t => t.Who).HasMaxLength(PepTarget.TextMaxLength);
        builder.Property(t => t.Evaluation).HasMaxLength(PepTarget.TextMaxLength);
        builder.Property(t => t.Achievement).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.PupilPremiumPlusCost).HasPrecision(10, 2);
        builder.HasIndex(t => t.PepId);
        builder.HasOne(t => t.Pep).WithMany(p => p.Targets).HasForeignKey(t => t.PepId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StructuredConversationMapping : IEntityTypeConfiguration<StructuredConversation>
{
    public void Configure(EntityTypeBuilder<StructuredConversation> builder)
    {
        builder.Property(c => c.ParentOrCarer).HasMaxLength(StructuredConversation.NameMaxLength);
        builder.Property(c => c.Explore).HasMaxLength(StructuredConversation.TextMaxLength);
        builder.Property(c => c.Focus).HasMaxLength(StructuredConversation.TextMaxLength);
        builder.Property(c => c.Plan).HasMaxLength(StructuredConversation.TextMaxLength);
        builder.Property(c => c.Review).HasMaxLength(StructuredConversation.TextMaxLength);
        builder.Property(c => c.RecordedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(c => new { c.PupilId, c.HeldOn });
        builder.HasOne(c => c.Pupil).WithMany().HasForeignKey(c => c.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ConversationTargetMapping : IEntityTypeConfiguration<ConversationTarget>
{
    public void Configure(EntityTypeBuilder<ConversationTarget> builder)
    {
        builder.Property(t => t.Target).HasMaxLength(ConversationTarget.TextMaxLength);
        builder.Property(t => t.HomeAction).HasMaxLength(ConversationTarget.TextMaxLength);
        builder.Property(t => t.SchoolAction).HasMaxLength(ConversationTarget.TextMaxLength);
        builder.HasIndex(t => t.ConversationId);
        builder.HasOne(t => t.Conversation).WithMany(c => c.Targets).HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class FocusGroupMapping : IEntityTypeConfiguration<FocusGroup>
{
    public void Configure(EntityTypeBuilder<FocusGroup> builder)
    {
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Notes).HasMaxLength(FocusGroup.NotesMaxLength);
        builder.Property(g => g.RecordedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(g => new { g.SchoolId, g.HeldOn });
        builder.HasOne(g => g.School).WithMany().HasForeignKey(g => g.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ImpactPlanMapping : IEntityTypeConfiguration<ImpactPlan>
{
    public void Configure(EntityTypeBuilder<ImpactPlan> builder)
    {
        builder.Property(p => p.Measure).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.RegisteredByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(p => p.SchoolId).IsUnique();
        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
