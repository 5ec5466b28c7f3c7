using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class PayRecordMapping : IEntityTypeConfiguration<PayRecord>
{
    public void Configure(EntityTypeBuilder<PayRecord> builder)
    {
        builder.Property(p => p.Scale).HasMaxLength(PayRecord.ScaleMaxLength);
        builder.Property(p => p.FteSalary).HasPrecision(12, 2);
        builder.Property(p => p.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(p => p.WeeksPerYear).HasPrecision(5, 2);
        builder.Property(p => p.RecordedByName).HasMaxLength(200);
        builder.HasIndex(p => new { p.StaffMemberId, p.Year }).IsUnique().HasDatabaseName(PayRecord.PersonYearUniqueIndexName);
        builder.HasOne(p => p.StaffMember).WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StaffSchoolHoursMapping : IEntityTypeConfiguration<StaffSchoolHours>
{
    public void Configure(EntityTypeBuilder<StaffSchoolHours> builder)
    {
        builder.Property(h => h.HoursPerWeek).HasPrecision(5, 2);
        builder.HasIndex(h => new { h.StaffMemberId, h.SchoolId }).IsUnique().HasDatabaseName(StaffSchoolHours.PersonSchoolUniqueIndexName);
        builder.HasIndex(h => h.SchoolId);
        builder.HasOne(h => h.StaffMember).WithMany().HasForeignKey(h => h.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.School).WithMany().HasForeignKey(h => h.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
