using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class DataVersionMapping : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.HasKey(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(DataVersion.NameMaxLength);
        builder.HasData(new DataVersion { Name = DataVersions.Structure, Version = 0 });
    }
}
