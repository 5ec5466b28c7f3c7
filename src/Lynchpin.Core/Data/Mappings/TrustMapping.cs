using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class TrustMapping : IEntityTypeConfiguration<Trust>
{
    public void Configure(EntityTypeBuilder<Trust> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(Trust.CodeMaxLength);
        builder.Property(t => t.Name).HasMaxLength(Trust.NameMaxLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(t => t.Code).IsUnique().HasDatabaseName(Trust.CodeUniqueIndexName);
    }
}
