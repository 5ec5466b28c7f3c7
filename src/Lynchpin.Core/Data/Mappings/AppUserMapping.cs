using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class AppUserMapping : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(u => u.DisabledReason).HasMaxLength(AppUser.DisabledReasonMaxLength);
        builder.Ignore(u => u.IsDisabled);
        builder.Ignore(u => u.RequiresTwoFactor);
        builder.Property(u => u.LaCode).HasMaxLength(Pupils.LaCode.MaxLength);
        builder.HasOne(u => u.Trust).WithMany().HasForeignKey(u => u.TrustId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(u => u.School).WithMany().HasForeignKey(u => u.SchoolId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(u => u.StaffMember).WithMany().HasForeignKey(u => u.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        // One account per staff record (several nulls are allowed by both databases).
        builder.HasIndex(u => u.StaffMemberId).IsUnique();
    }
}

public class UserSessionMapping : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
        builder.Property(s => s.IpAddress).HasMaxLength(UserSession.IpAddressMaxLength);
        builder.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentMaxLength);
        builder.Property(s => s.Method).HasMaxLength(UserSession.MethodMaxLength);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TrustSignInMapping : IEntityTypeConfiguration<TrustSignIn>
{
    public void Configure(EntityTypeBuilder<TrustSignIn> builder)
    {
        builder.HasKey(s => s.TrustId);
        builder.Property(s => s.Method).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Provider).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Tenant).HasMaxLength(TrustSignIn.TenantMaxLength);
        builder.Property(s => s.EmailClaim).HasMaxLength(TrustSignIn.ClaimMaxLength);
        builder.Ignore(s => s.UsesSingleSignOn);
        builder.HasOne(s => s.Trust).WithOne().HasForeignKey<TrustSignIn>(s => s.TrustId).OnDelete(DeleteBehavior.Cascade);
    }
}
