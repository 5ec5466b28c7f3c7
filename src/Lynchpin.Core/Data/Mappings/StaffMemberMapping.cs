using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class StaffMemberMapping : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.StaffRef).HasMaxLength(StaffMember.StaffRefMaxLength);
        builder.Property(s => s.FirstName).HasMaxLength(StaffMember.NameMaxLength);
        builder.Property(s => s.LastName).HasMaxLength(StaffMember.NameMaxLength);
        builder.Property(s => s.Email).HasMaxLength(StaffMember.EmailMaxLength);
        builder.Property(s => s.JobTitle).HasMaxLength(StaffMember.JobTitleMaxLength);
        // Stored as the CSV code ("learning-support") so the database reads like the files.
        builder.Property(s => s.RoleFamily)
            .HasConversion(f => f.Code(), code => ParseRoleFamily(code))
            .HasMaxLength(30);
        builder.Property(s => s.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(s => s.WeeksPerYear).HasPrecision(5, 2);
        builder.Ignore(s => s.Category);
        builder.Ignore(s => s.FullName);

        builder.HasIndex(s => new { s.SchoolId, s.StaffRef }).IsUnique()
            .HasDatabaseName(StaffMember.StaffRefUniqueIndexName);
        builder.HasIndex(s => new { s.SchoolId, s.LastName, s.FirstName });

        builder.HasOne(s => s.School).WithMany(s => s.Staff).HasForeignKey(s => s.SchoolId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.LineManager).WithMany(s => s.DirectReports).HasForeignKey(s => s.LineManagerId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Coach).WithMany().HasForeignKey(s => s.CoachId)
            .OnDelete(DeleteBehavior.Restrict);
    }

    private static RoleFamily ParseRoleFamily(string code) =>
        RoleFamilies.TryParse(code, out var family) ? family : throw new InvalidOperationException($"Unknown role family '{code}'.");
}
