using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class ProfessionalConversationMapping : IEntityTypeConfiguration<ProfessionalConversation>
{
    public void Configure(EntityTypeBuilder<ProfessionalConversation> builder)
    {
        builder.Property(c => c.Focus).HasMaxLength(ProfessionalConversation.FocusMaxLength);
        builder.Property(c => c.Agreed).HasMaxLength(ProfessionalConversation.TextMaxLength);
        builder.Property(c => c.NextStep).HasMaxLength(ProfessionalConversation.TextMaxLength);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.HasIndex(c => new { c.StaffMemberId, c.HeldOn });
        builder.HasOne(c => c.StaffMember).WithMany().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.LineManager).WithMany().HasForeignKey(c => c.LineManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Coach).WithMany().HasForeignKey(c => c.CoachId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Criterion).WithMany().HasForeignKey(c => c.CriterionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Objective).WithMany().HasForeignKey(c => c.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
    }
}
