using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class SchoolOutcomeMapping : IEntityTypeConfiguration<SchoolOutcome>
{
    public void Configure(EntityTypeBuilder<SchoolOutcome> builder)
    {
        builder.Property(o => o.Measure).HasMaxLength(SchoolOutcome.MeasureMaxLength);
        builder.Property(o => o.Marker).HasMaxLength(SchoolOutcome.MarkerMaxLength);
        builder.Property(o => o.Value).HasPrecision(14, 4);
        builder.HasOne(o => o.School).WithMany().HasForeignKey(o => o.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.SchoolId, o.Year, o.Measure }).IsUnique().HasDatabaseName(SchoolOutcome.UniqueIndexName);
    }
}
