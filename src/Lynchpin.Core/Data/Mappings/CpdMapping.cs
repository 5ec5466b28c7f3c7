using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class CpdActivityMapping : IEntityTypeConfiguration<CpdActivity>
{
    public void Configure(EntityTypeBuilder<CpdActivity> builder)
    {
        builder.Property(a => a.Ref).HasMaxLength(CpdActivity.RefMaxLength);
        builder.Property(a => a.Title).HasMaxLength(CpdActivity.TitleMaxLength);
        builder.Property(a => a.Provider).HasMaxLength(CpdActivity.ProviderMaxLength);
        builder.Property(a => a.Description).HasMaxLength(CpdActivity.DescriptionMaxLength);
        builder.Property(a => a.Kind).HasConversion(k => CpdCodes.Kinds.Code(k), c => CpdCodes.Kinds.Parse(c)).HasMaxLength(30);
        builder.Property(a => a.RecordedByName).HasMaxLength(200);
        builder.HasIndex(a => new { a.SchoolId, a.Ref }).IsUnique().HasFilter("ref IS NOT NULL")
            .HasDatabaseName(CpdActivity.RefUniqueIndexName);
        builder.HasIndex(a => new { a.SchoolId, a.StartDate });
        builder.HasOne(a => a.School).WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Attendances).WithOne(a => a.Activity).HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CpdAttendanceMapping : IEntityTypeConfiguration<CpdAttendance>
{
    public void Configure(EntityTypeBuilder<CpdAttendance> builder)
    {
        builder.Property(a => a.Hours).HasPrecision(7, 2);
        builder.Property(a => a.Cost).HasPrecision(10, 2);
        builder.Property(a => a.StandardSetCode).HasMaxLength(StandardSet.CodeMaxLength);
        builder.Property(a => a.StandardCode).HasMaxLength(Standard.CodeMaxLength);
        builder.Property(a => a.CriterionText).HasMaxLength(StageCriterion.TextMaxLength);
        builder.HasIndex(a => new { a.ActivityId, a.StaffMemberId }).IsUnique().HasDatabaseName(CpdAttendance.ActivityPersonUniqueIndexName);
        builder.HasIndex(a => a.StaffMemberId);
        builder.HasOne(a => a.StaffMember).WithMany().HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Objective).WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Evaluation).WithOne(e => e.Attendance).HasForeignKey<CpdEvaluation>(e => e.AttendanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CpdEvaluationMapping : IEntityTypeConfiguration<CpdEvaluation>
{
    public void Configure(EntityTypeBuilder<CpdEvaluation> builder)
    {
        foreach (var level in new[] { nameof(CpdEvaluation.Reaction), nameof(CpdEvaluation.Learning), nameof(CpdEvaluation.UseInPractice), nameof(CpdEvaluation.EffectOnPupils) })
        {
            builder.Property<ImpactRating>(level).HasConversion(r => CpdCodes.Impact.Code(r), c => CpdCodes.Impact.Parse(c)).HasMaxLength(20);
        }
        builder.Property(e => e.Comment).HasMaxLength(CpdEvaluation.TextMaxLength);
        builder.Property(e => e.LineManagerView).HasMaxLength(CpdEvaluation.TextMaxLength);
        builder.Property(e => e.LineManagerName).HasMaxLength(200);
    }
}

public class CpdRequestMapping : IEntityTypeConfiguration<CpdRequest>
{
    public void Configure(EntityTypeBuilder<CpdRequest> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(CpdActivity.TitleMaxLength);
        builder.Property(r => r.Provider).HasMaxLength(CpdActivity.ProviderMaxLength);
        builder.Property(r => r.Kind).HasConversion(k => CpdCodes.Kinds.Code(k), c => CpdCodes.Kinds.Parse(c)).HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion(s => CpdCodes.RequestStatuses.Code(s), c => CpdCodes.RequestStatuses.Parse(c)).HasMaxLength(30);
        builder.Property(r => r.Hours).HasPrecision(7, 2);
        builder.Property(r => r.Cost).HasPrecision(10, 2);
        builder.Property(r => r.Reason).HasMaxLength(CpdRequest.ReasonMaxLength);
        builder.Property(r => r.DeclinedReason).HasMaxLength(CpdRequest.ReasonMaxLength);
        builder.Property(r => r.LineManagerName).HasMaxLength(CpdRequest.NameMaxLength);
        builder.Property(r => r.BudgetHolderName).HasMaxLength(CpdRequest.NameMaxLength);
        builder.HasIndex(r => new { r.SchoolId, r.Status });
        builder.HasIndex(r => r.StaffMemberId);
        builder.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.StaffMember).WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Objective).WithMany().HasForeignKey(r => r.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Activity).WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class CpdBudgetMapping : IEntityTypeConfiguration<CpdBudget>
{
    public void Configure(EntityTypeBuilder<CpdBudget> builder)
    {
        builder.Property(b => b.Amount).HasPrecision(12, 2);
        builder.HasIndex(b => new { b.SchoolId, b.Year }).IsUnique().HasDatabaseName(CpdBudget.SchoolYearUniqueIndexName);
        builder.HasOne(b => b.School).WithMany().HasForeignKey(b => b.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.BudgetHolder).WithMany().HasForeignKey(b => b.BudgetHolderId).OnDelete(DeleteBehavior.SetNull);
    }
}
