using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class SubjectAccessRequestMapping : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> builder)
    {
        builder.Property(r => r.Note).HasMaxLength(SubjectAccessRequest.NoteMaxLength);
        builder.Property(r => r.LoggedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
        builder.HasIndex(r => new { r.TrustId, r.ReceivedOn });
    }
}

public class RetentionSettingsMapping : IEntityTypeConfiguration<RetentionSettings>
{
    public void Configure(EntityTypeBuilder<RetentionSettings> builder)
    {
        builder.HasIndex(r => r.TrustId).IsUnique();
        builder.Property(r => r.UpdatedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
    }
}

public class LegalHoldMapping : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.HasIndex(h => h.StaffMemberId).IsUnique();
        builder.Property(h => h.Reason).HasMaxLength(LegalHold.ReasonMaxLength);
        builder.Property(h => h.PlacedByName).HasMaxLength(AuditEvent.UserNameMaxLength);
    }
}
