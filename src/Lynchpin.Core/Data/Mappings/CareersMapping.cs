using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lynchpin.Core.Data.Mappings;

public class StandardSetMapping : IEntityTypeConfiguration<StandardSet>
{
    public void Configure(EntityTypeBuilder<StandardSet> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(StandardSet.CodeMaxLength);
        builder.Property(s => s.Name).HasMaxLength(StandardSet.NameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(StandardSet.DescriptionMaxLength);
        // Stored as the CSV codes ("learning-support") so the database reads like the files.
        builder.PrimitiveCollection(s => s.RoleFamilies)
            .ElementType(e => e.HasConversion(new ValueConverter<RoleFamily, string>(f => f.Code(), code => RoleFamilyCode.Parse(code))));
        builder.PrimitiveCollection(s => s.Tiers);
        // One copy of each set per school or per trust: the copy replaces the built-in set of the same code there.
        builder.HasIndex(s => new { s.SchoolId, s.Code }).IsUnique();
        builder.HasIndex(s => new { s.TrustId, s.Code }).IsUnique();
        builder.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Trust).WithMany().HasForeignKey(s => s.TrustId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Standards).WithOne(s => s.Set).HasForeignKey(s => s.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StandardMapping : IEntityTypeConfiguration<Standard>
{
    public void Configure(EntityTypeBuilder<Standard> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(Standard.CodeMaxLength);
        builder.Property(s => s.Section).HasMaxLength(Standard.SectionMaxLength);
        builder.Property(s => s.Text).HasMaxLength(Standard.TextMaxLength);
        builder.HasIndex(s => new { s.SetId, s.Code }).IsUnique();
    }
}

public class StandardAssessmentMapping : IEntityTypeConfiguration<StandardAssessment>
{
    public void Configure(EntityTypeBuilder<StandardAssessment> builder)
    {
        builder.Property(a => a.SetCode).HasMaxLength(StandardSet.CodeMaxLength);
        builder.Property(a => a.StandardCode).HasMaxLength(Standard.CodeMaxLength);
        builder.Property(a => a.Rating).HasConversion(r => CareerCodes.Ratings.Code(r), c => CareerCodes.Ratings.Parse(c)).HasMaxLength(20);
        builder.Property(a => a.By).HasConversion(b => CareerCodes.Assessors.Code(b), c => CareerCodes.Assessors.Parse(c)).HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(StandardAssessment.NoteMaxLength);
        builder.Property(a => a.RecordedByName).HasMaxLength(200);
        builder.HasIndex(a => new { a.StaffMemberId, a.SetCode, a.StandardCode, a.By, a.RecordedAt });
        builder.HasOne(a => a.StaffMember).WithMany().HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Objective).WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class OwnQualificationMapping : IEntityTypeConfiguration<OwnQualification>
{
    public void Configure(EntityTypeBuilder<OwnQualification> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(OwnQualification.CodeMaxLength);
        builder.Property(q => q.Name).HasMaxLength(OwnQualification.NameMaxLength);
        builder.Property(q => q.AwardingBody).HasMaxLength(OwnQualification.AwardingBodyMaxLength);
        builder.Property(q => q.Kind).HasConversion(k => CareerCodes.QualificationKinds.Code(k), c => CareerCodes.QualificationKinds.Parse(c)).HasMaxLength(20);
        builder.HasIndex(q => new { q.SchoolId, q.Code }).IsUnique();
        builder.HasIndex(q => new { q.TrustId, q.Code }).IsUnique();
        builder.HasOne(q => q.School).WithMany().HasForeignKey(q => q.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.Trust).WithMany().HasForeignKey(q => q.TrustId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PersonQualificationMapping : IEntityTypeConfiguration<PersonQualification>
{
    public void Configure(EntityTypeBuilder<PersonQualification> builder)
    {
        builder.Property(q => q.QualificationCode).HasMaxLength(OwnQualification.CodeMaxLength);
        builder.Property(q => q.Note).HasMaxLength(PersonQualification.NoteMaxLength);
        builder.Property(q => q.EvidenceStoredName).HasMaxLength(64);
        builder.Property(q => q.EvidenceFileName).HasMaxLength(PersonQualification.FileNameMaxLength);
        builder.Property(q => q.UpdatedByName).HasMaxLength(200);
        builder.HasIndex(q => new { q.StaffMemberId, q.QualificationCode }).IsUnique()
            .HasDatabaseName(PersonQualification.PersonCodeUniqueIndexName);
        // The leaders' dashboard reads deadlines across a school.
        builder.HasIndex(q => q.RequiredBy);
        builder.HasOne(q => q.StaffMember).WithMany().HasForeignKey(q => q.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CareerStepMapping : IEntityTypeConfiguration<CareerStep>
{
    public void Configure(EntityTypeBuilder<CareerStep> builder)
    {
        builder.Property(s => s.PathwayCode).HasMaxLength(CareerStep.CodeMaxLength);
        builder.Property(s => s.StepCode).HasMaxLength(CareerStep.CodeMaxLength);
        builder.Property(s => s.AimStepCode).HasMaxLength(CareerStep.CodeMaxLength * 2 + 1);
        builder.HasIndex(s => new { s.StaffMemberId, s.StartedOn });
        builder.HasOne(s => s.StaffMember).WithMany().HasForeignKey(s => s.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class RoleFamilyCode
{
    public static RoleFamily Parse(string code) =>
        RoleFamilies.TryParse(code, out var family) ? family : throw new InvalidOperationException($"Unknown role family '{code}'.");
}
