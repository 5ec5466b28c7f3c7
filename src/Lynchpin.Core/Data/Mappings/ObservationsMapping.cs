using Lynchpin.Core.Observations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lynchpin.Core.Data.Mappings;

public class TimetableRowMapping : IEntityTypeConfiguration<TimetableRow>
{
    public void Configure(EntityTypeBuilder<TimetableRow> builder)
    {
        builder.Property(r => r.Week).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Day).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Period).HasMaxLength(TimetableRow.PeriodMaxLength);
        builder.Property(r => r.Class).HasMaxLength(TimetableRow.ClassMaxLength);
        builder.Property(r => r.Subject).HasMaxLength(TimetableRow.SubjectMaxLength);
        builder.Property(r => r.YearGroup).HasMaxLength(TimetableRow.YearGroupMaxLength);
        builder.Property(r => r.Room).HasMaxLength(TimetableRow.RoomMaxLength);
        builder.HasIndex(r => new { r.SchoolId, r.Day, r.Period });
        builder.HasIndex(r => r.StaffMemberId);
        builder.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.StaffMember).WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StaffDutyMapping : IEntityTypeConfiguration<StaffDuty>
{
    public void Configure(EntityTypeBuilder<StaffDuty> builder)
    {
        builder.Property(d => d.Week).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Day).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Period).HasMaxLength(TimetableRow.PeriodMaxLength);
        builder.Property(d => d.Name).HasMaxLength(StaffDuty.NameMaxLength);
        builder.HasIndex(d => d.SchoolId);
        builder.HasIndex(d => d.StaffMemberId);
        builder.HasOne(d => d.School).WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.StaffMember).WithMany().HasForeignKey(d => d.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SchoolCalendarSettingsMapping : IEntityTypeConfiguration<SchoolCalendarSettings>
{
    public void Configure(EntityTypeBuilder<SchoolCalendarSettings> builder)
    {
        builder.HasIndex(c => c.SchoolId).IsUnique();
        builder.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SchoolTermDateMapping : IEntityTypeConfiguration<SchoolTermDate>
{
    public void Configure(EntityTypeBuilder<SchoolTermDate> builder)
    {
        builder.Property(t => t.Kind).HasConversion(k => k.Code(), code => ObservationCodes.ParseDayKind(code)).HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(SchoolTermDate.NameMaxLength);
        builder.HasIndex(t => new { t.SchoolId, t.Start });
        builder.HasOne(t => t.School).WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class BlockedDateMapping : IEntityTypeConfiguration<BlockedDate>
{
    public void Configure(EntityTypeBuilder<BlockedDate> builder)
    {
        builder.Property(b => b.Reason).HasMaxLength(BlockedDate.ReasonMaxLength);
        builder.HasIndex(b => new { b.SchoolId, b.Date }).IsUnique();
        builder.HasOne(b => b.School).WithMany().HasForeignKey(b => b.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ObservationSettingsMapping : IEntityTypeConfiguration<ObservationSettings>
{
    public void Configure(EntityTypeBuilder<ObservationSettings> builder)
    {
        builder.HasIndex(s => s.SchoolId).IsUnique();
        builder.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class RotaObserverMapping : IEntityTypeConfiguration<RotaObserver>
{
    public void Configure(EntityTypeBuilder<RotaObserver> builder)
    {
        builder.Property(o => o.FocusYearGroup).HasMaxLength(TimetableRow.YearGroupMaxLength);
        builder.HasIndex(o => new { o.SchoolId, o.StaffMemberId }).IsUnique();
        builder.HasIndex(o => o.StaffMemberId);
        builder.HasOne(o => o.School).WithMany().HasForeignKey(o => o.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.StaffMember).WithMany().HasForeignKey(o => o.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ObservationRotaMapping : IEntityTypeConfiguration<ObservationRota>
{
    public void Configure(EntityTypeBuilder<ObservationRota> builder)
    {
        // Stored as the command-line code ("learning-walk") so the database reads like the commands.
        builder.Property(r => r.Kind).HasConversion(k => k.Code(), code => ObservationCodes.ParseKind(code)).HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CreatedByName).HasMaxLength(ObservationRota.NameMaxLength);
        builder.HasIndex(r => new { r.SchoolId, r.From });
        builder.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Visits).WithOne(v => v.Rota).HasForeignKey(v => v.RotaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class RotaVisitMapping : IEntityTypeConfiguration<RotaVisit>
{
    public void Configure(EntityTypeBuilder<RotaVisit> builder)
    {
        builder.Property(v => v.Week).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Period).HasMaxLength(TimetableRow.PeriodMaxLength);
        builder.Property(v => v.ObserverKind).HasConversion(k => k.Code(), code => ObservationCodes.ParseObserverKind(code)).HasMaxLength(20);
        builder.Property(v => v.Class).HasMaxLength(TimetableRow.ClassMaxLength);
        builder.Property(v => v.Subject).HasMaxLength(TimetableRow.SubjectMaxLength);
        builder.Property(v => v.YearGroup).HasMaxLength(TimetableRow.YearGroupMaxLength);
        builder.Property(v => v.Room).HasMaxLength(TimetableRow.RoomMaxLength);
        builder.Property(v => v.ChangedByName).HasMaxLength(ObservationRota.NameMaxLength);
        builder.Ignore(v => v.Day);
        builder.HasIndex(v => new { v.RotaId, v.Date });
        builder.HasIndex(v => new { v.ObserverId, v.Date });
        builder.HasIndex(v => new { v.ObserveeId, v.Date });
        builder.HasOne(v => v.Observer).WithMany().HasForeignKey(v => v.ObserverId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.Observee).WithMany().HasForeignKey(v => v.ObserveeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ObservationRecordMapping : IEntityTypeConfiguration<ObservationRecord>
{
    public void Configure(EntityTypeBuilder<ObservationRecord> builder)
    {
        builder.Property(r => r.Kind).HasConversion(k => k.Code(), code => ObservationCodes.ParseKind(code)).HasMaxLength(30);
        builder.Property(r => r.ObserverKind).HasConversion(k => k.Code(), code => ObservationCodes.ParseObserverKind(code)).HasMaxLength(20);
        builder.Property(r => r.Period).HasMaxLength(TimetableRow.PeriodMaxLength);
        builder.Property(r => r.Class).HasMaxLength(TimetableRow.ClassMaxLength);
        builder.Property(r => r.Subject).HasMaxLength(TimetableRow.SubjectMaxLength);
        builder.Property(r => r.YearGroup).HasMaxLength(TimetableRow.YearGroupMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(ObservationRecord.NotesMaxLength);
        builder.Property(r => r.Judgement).HasMaxLength(ObservationRecord.JudgementMaxLength);
        builder.Property(r => r.CreatedByName).HasMaxLength(ObservationRota.NameMaxLength);
        // One record per visit; unscheduled drop-ins have none (both providers allow many nulls in a unique index).
        builder.HasIndex(r => r.VisitId).IsUnique().HasDatabaseName(ObservationRecord.VisitUniqueIndexName);
        // Coverage groups a school's records by observee and observer kind over a date range.
        builder.HasIndex(r => new { r.SchoolId, r.Date, r.ObserveeId, r.ObserverKind });
        builder.HasIndex(r => r.ObserverId);
        builder.HasIndex(r => r.ObserveeId);
        builder.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Cascade);
        // A record outlives its visit: removing a visit from the rota keeps what was seen.
        builder.HasOne(r => r.Visit).WithMany().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Observer).WithMany().HasForeignKey(r => r.ObserverId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Observee).WithMany().HasForeignKey(r => r.ObserveeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CalendarFeedTokenMapping : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.Property(t => t.Token).HasMaxLength(CalendarFeedToken.TokenLength);
        builder.HasIndex(t => t.Token).IsUnique().HasDatabaseName(CalendarFeedToken.TokenUniqueIndexName);
        builder.HasIndex(t => t.StaffMemberId).IsUnique();
        builder.HasIndex(t => t.UserId).IsUnique();
        builder.HasOne(t => t.StaffMember).WithMany().HasForeignKey(t => t.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
