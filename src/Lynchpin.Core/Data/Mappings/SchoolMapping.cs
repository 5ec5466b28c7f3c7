using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class SchoolMapping : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(School.NameMaxLength);
        builder.Property(s => s.Phase).HasMaxLength(School.PhaseMaxLength);
        builder.Property(s => s.LocalAuthority).HasMaxLength(School.LocalAuthorityMaxLength);
        // Written only by DataVersions' UPDATE … SET data_version = data_version + 1, never from an entity.
        builder.Property(s => s.DataVersion).HasDefaultValue(0L).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasIndex(s => s.Urn).IsUnique().HasDatabaseName(School.UrnUniqueIndexName);
        builder.HasOne(s => s.Trust).WithMany(t => t.Schools).HasForeignKey(s => s.TrustId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
