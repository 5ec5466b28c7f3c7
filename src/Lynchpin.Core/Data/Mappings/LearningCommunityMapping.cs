using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class LearningRoleMapping : IEntityTypeConfiguration<LearningRole>
{
    public void Configure(EntityTypeBuilder<LearningRole> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        // Stored by code, as a stage criterion's role family is.
        builder.Property(r => r.CriterionRoleFamily)
            .HasConversion(f => f == null ? null : f.Value.Code(), code => code == null ? (RoleFamily?)null : RoleFamilyCode.Parse(code))
            .HasMaxLength(30);
        builder.Property(r => r.CriterionText).HasMaxLength(StageCriterion.TextMaxLength);
        builder.Property(r => r.GivenByName).HasMaxLength(200);
        builder.HasIndex(r => new { r.SchoolId, r.Kind });
        builder.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.StaffMember).WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LearningRoleSettingsMapping : IEntityTypeConfiguration<LearningRoleSettings>
{
    public void Configure(EntityTypeBuilder<LearningRoleSettings> builder)
    {
        builder.HasIndex(s => s.SchoolId).IsUnique();
        builder.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
