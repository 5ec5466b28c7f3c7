using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class ProgressionFrameworkMapping : IEntityTypeConfiguration<ProgressionFramework>
{
    public void Configure(EntityTypeBuilder<ProgressionFramework> builder)
    {
        builder.HasIndex(f => f.SchoolId).IsUnique();
        builder.HasIndex(f => f.TrustId).IsUnique();
        builder.HasOne(f => f.School).WithMany().HasForeignKey(f => f.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Trust).WithMany().HasForeignKey(f => f.TrustId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Stages).WithOne(s => s.Framework).HasForeignKey(s => s.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ProgressionStageMapping : IEntityTypeConfiguration<ProgressionStage>
{
    public void Configure(EntityTypeBuilder<ProgressionStage> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(ProgressionStage.NameMaxLength);
        builder.Property(s => s.Descriptor).HasMaxLength(ProgressionStage.DescriptorMaxLength);
        builder.HasIndex(s => new { s.FrameworkId, s.Number }).IsUnique();
        builder.HasMany(s => s.Criteria).WithOne(c => c.Stage).HasForeignKey(c => c.StageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StageCriterionMapping : IEntityTypeConfiguration<StageCriterion>
{
    public void Configure(EntityTypeBuilder<StageCriterion> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(StageCriterion.TextMaxLength);
        builder.Property(c => c.RoleFamily)
            .HasConversion(f => f == null ? null : f.Value.Code(), code => ParseRoleFamily(code))
            .HasMaxLength(30);
    }

    private static RoleFamily? ParseRoleFamily(string? code) =>
        code is null ? null : RoleFamilies.TryParse(code, out var family) ? family : throw new InvalidOperationException($"Unknown role family '{code}'.");
}

public class CheckpointDateMapping : IEntityTypeConfiguration<CheckpointDate>
{
    public void Configure(EntityTypeBuilder<CheckpointDate> builder)
    {
        builder.HasIndex(c => new { c.SchoolId, c.Year, c.Checkpoint }).IsUnique();
        builder.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AssessmentMapping : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Note).HasMaxLength(Assessment.NoteMaxLength);
        builder.Property(a => a.Reflection).HasMaxLength(Assessment.ReflectionMaxLength);
        builder.Property(a => a.RecordedByName).HasMaxLength(200);
        builder.HasOne(a => a.StaffMember).WithMany().HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Assessor).WithMany().HasForeignKey(a => a.AssessorId).OnDelete(DeleteBehavior.SetNull);

        // One current version per person and checkpoint (the filter reads as a boolean on both providers).
        // The second index covers the profile's grouped queries, which read current rows by year and checkpoint.
        builder.HasIndex(a => new { a.StaffMemberId, a.Year, a.Checkpoint }).IsUnique()
            .HasFilter("is_current")
            .HasDatabaseName(Assessment.CurrentUniqueIndexName);
        builder.HasIndex(a => new { a.Year, a.Checkpoint, a.IsCurrent, a.StaffMemberId, a.Stage })
            .HasDatabaseName("ix_assessments_profile");
        // The foreign key's own index: the partial one above cannot serve it, so without this a staff record's
        // cascade delete scans every assessment (docs/performance.md, load run).
        builder.HasIndex(a => a.StaffMemberId).HasDatabaseName("ix_assessments_staff_member_id");
    }
}
