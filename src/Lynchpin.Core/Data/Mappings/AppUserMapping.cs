using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class AppUserMapping : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(u => u.Trust).WithMany().HasForeignKey(u => u.TrustId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(u => u.School).WithMany().HasForeignKey(u => u.SchoolId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(u => u.StaffMember).WithMany().HasForeignKey(u => u.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
