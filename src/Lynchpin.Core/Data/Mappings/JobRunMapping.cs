using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class JobRunMapping : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.Job).HasMaxLength(JobRun.JobMaxLength);
        builder.Property(r => r.Server).HasMaxLength(JobRun.ServerMaxLength);
        builder.Property(r => r.Outcome).HasMaxLength(JobRun.OutcomeMaxLength);
        // The claim: a second server adding the same slot's row fails here and leaves the run to the first.
        builder.HasIndex(r => new { r.Job, r.Slot }).IsUnique();
    }
}
