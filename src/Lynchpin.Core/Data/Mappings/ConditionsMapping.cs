using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class ConditionsEntryMapping : IEntityTypeConfiguration<ConditionsEntry>
{
    public void Configure(EntityTypeBuilder<ConditionsEntry> builder)
    {
        builder.Property(e => e.Indicator).HasMaxLength(ConditionsEntry.IndicatorMaxLength);
        builder.Property(e => e.Target).HasPrecision(9, 2);
        builder.Property(e => e.Value).HasPrecision(9, 2);
        builder.Property(e => e.Notes).HasMaxLength(ConditionsEntry.TextMaxLength);
        builder.Property(e => e.Actions).HasMaxLength(ConditionsEntry.TextMaxLength);
        builder.HasIndex(e => new { e.SchoolId, e.Year, e.Indicator }).IsUnique().HasDatabaseName(ConditionsEntry.UniqueIndexName);
        builder.HasOne(e => e.School).WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
