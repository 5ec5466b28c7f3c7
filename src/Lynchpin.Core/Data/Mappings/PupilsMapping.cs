using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pupils;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class PupilMapping : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> builder)
    {
        builder.Property(p => p.Upn).HasMaxLength(Upn.Length);
        builder.Property(p => p.FirstName).HasMaxLength(Pupil.NameMaxLength);
        builder.Property(p => p.LastName).HasMaxLength(Pupil.NameMaxLength);
        builder.Property(p => p.YearGroup).HasMaxLength(Pupil.YearGroupMaxLength);
        builder.Property(p => p.LaCode).HasMaxLength(LaCode.MaxLength);
        builder.Property(p => p.CarerName).HasMaxLength(Pupil.NameMaxLength);
        builder.Property(p => p.CarerContact).HasMaxLength(Pupil.ContactMaxLength);
        builder.Property(p => p.SocialWorkerName).HasMaxLength(Pupil.NameMaxLength);
        builder.Property(p => p.SocialWorkerContact).HasMaxLength(Pupil.ContactMaxLength);
        builder.HasIndex(p => new { p.SchoolId, p.Upn }).IsUnique().HasDatabaseName(Pupil.UpnUniqueIndexName);
        builder.HasIndex(p => p.LaCode);
        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PupilFlagPeriodMapping : IEntityTypeConfiguration<PupilFlagPeriod>
{
    public void Configure(EntityTypeBuilder<PupilFlagPeriod> builder)
    {
        builder.Property(f => f.Flag).HasConversion(f => f.Code(), code => ParseFlag(code)).HasMaxLength(30);
        builder.HasIndex(f => new { f.PupilId, f.Flag });
        builder.HasOne(f => f.Pupil).WithMany(p => p.Flags).HasForeignKey(f => f.PupilId).OnDelete(DeleteBehavior.Cascade);
    }

    private static PupilFlag ParseFlag(string code) =>
        PupilFlags.TryParse(code, out var flag) ? flag : throw new InvalidOperationException($"Unknown pupil flag '{code}' in the database.");
}

public class PupilWorkerMapping : IEntityTypeConfiguration<PupilWorker>
{
    public void Configure(EntityTypeBuilder<PupilWorker> builder)
    {
        builder.Property(w => w.Role).HasMaxLength(PupilWorker.RoleMaxLength);
        builder.HasIndex(w => new { w.PupilId, w.StaffMemberId }).IsUnique();
        builder.HasIndex(w => w.StaffMemberId);
        builder.HasOne(w => w.Pupil).WithMany(p => p.Workers).HasForeignKey(w => w.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(w => w.StaffMember).WithMany().HasForeignKey(w => w.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AttendanceRecordMapping : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.HasIndex(a => new { a.PupilId, a.PeriodStart, a.PeriodEnd }).IsUnique();
        builder.HasOne(a => a.Pupil).WithMany().HasForeignKey(a => a.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ExclusionMapping : IEntityTypeConfiguration<Exclusion>
{
    public void Configure(EntityTypeBuilder<Exclusion> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Days).HasPrecision(5, 1);
        builder.HasIndex(e => new { e.PupilId, e.Start });
        builder.HasOne(e => e.Pupil).WithMany().HasForeignKey(e => e.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AttainmentRecordMapping : IEntityTypeConfiguration<AttainmentRecord>
{
    public void Configure(EntityTypeBuilder<AttainmentRecord> builder)
    {
        builder.Property(a => a.Subject).HasMaxLength(AttainmentRecord.SubjectMaxLength);
        builder.Property(a => a.Grade).HasMaxLength(AttainmentRecord.GradeMaxLength);
        builder.Property(a => a.Scale).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.PupilId, a.AssessedOn });
        builder.HasOne(a => a.Pupil).WithMany().HasForeignKey(a => a.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LocalAuthorityMapping : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> builder)
    {
        builder.Property(a => a.OldCode).HasMaxLength(3);
        builder.Property(a => a.NewCode).HasMaxLength(LaCode.MaxLength);
        builder.Property(a => a.Name).HasMaxLength(LocalAuthority.NameMaxLength);
        builder.HasIndex(a => a.OldCode).IsUnique();
        builder.HasIndex(a => a.NewCode).IsUnique();
    }
}

public class OutcomeReferenceMapping : IEntityTypeConfiguration<OutcomeReference>
{
    public void Configure(EntityTypeBuilder<OutcomeReference> builder)
    {
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.AreaCode).HasMaxLength(OutcomeReference.AreaCodeMaxLength);
        builder.Property(r => r.OldLaCode).HasMaxLength(3);
        builder.Property(r => r.AreaName).HasMaxLength(OutcomeReference.NameMaxLength);
        builder.Property(r => r.SocialCareGroup).HasMaxLength(OutcomeReference.GroupMaxLength);
        builder.Property(r => r.Phase).HasMaxLength(OutcomeReference.GroupMaxLength);
        builder.Property(r => r.Measure).HasMaxLength(OutcomeReference.MeasureMaxLength);
        builder.Property(r => r.Symbol).HasMaxLength(OutcomeReference.SymbolMaxLength);
        builder.Property(r => r.Value).HasPrecision(12, 3);
        builder.HasIndex(r => new { r.Year, r.Level, r.AreaCode, r.SocialCareGroup, r.Phase, r.Measure })
            .IsUnique().HasDatabaseName(OutcomeReference.UniqueIndexName);
    }
}

public class SchoolTermMapping : IEntityTypeConfiguration<SchoolTerm>
{
    public void Configure(EntityTypeBuilder<SchoolTerm> builder)
    {
        builder.Property(t => t.Term).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(t => new { t.SchoolId, t.Year, t.Term }).IsUnique();
        builder.HasOne(t => t.School).WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
