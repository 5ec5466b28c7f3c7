namespace Lynchpin.Core.Data;

/// <summary>
/// A record people edit through a form: its revision rises by one on every save (in
/// <see cref="LynchpinDbContext.SaveChangesAsync(bool, CancellationToken)"/>), and a save made on a copy older than the
/// stored one is refused, so two people never silently overwrite each other (ADR 0010).
/// </summary>
public interface IRevised
{
    /// <summary>0 when first stored, then 1, 2… for each save; the forms carry it as a hidden field.</summary>
    int Revision { get; set; }

    /// <summary>When and by whom the last change through a form was made (null after a change by an import).</summary>
    DateTime? RevisedAt { get; set; }

    string? RevisedByName { get; set; }
}

/// <summary>
/// A change refused because someone saved the record after the form was opened: goes at the top of the error summary
/// and makes the page a 409, with the saved values shown beside the person's own typing.
/// </summary>
public sealed record Conflict(string Message, int CurrentRevision) : FieldError("", Message);

/// <summary>Checks a form's revision against the stored one, and turns a save that lost a race into a <see cref="Conflict"/>.</summary>
public static class Revisions
{
    public const int NameMaxLength = 256;

    /// <summary>
    /// Null when <paramref name="seen"/> (the form's hidden revision) is the stored one: then the change is stamped with
    /// who made it and when, and the save will refuse to write over a revision saved in between. Otherwise the conflict.
    /// </summary>
    /// A change with no form behind it (the demo, a command) passes no revision and writes over whatever is stored.
    public static Conflict? Check(LynchpinDbContext db, IRevised record, int? seen, Recorder? by, DateTime utcNow)
    {
        if (seen is int revision && record.Revision != revision)
        {
            return ConflictWith(record);
        }
        if (by is not null)
        {
            Stamp(db, record, by, utcNow);
        }
        return null;
    }

    /// <summary>Marks the record changed by <paramref name="by"/> now (a change to its parts counts as a change to it).</summary>
    public static void Stamp(LynchpinDbContext db, IRevised record, Recorder by, DateTime utcNow)
    {
        record.RevisedAt = utcNow;
        record.RevisedByName = by.Name.Length <= NameMaxLength ? by.Name : by.Name[..NameMaxLength];
        var entry = db.Entry(record);
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }
    }

    /// <summary>"Sam Patel changed this at 14:05 on 7 December since you opened it. …"</summary>
    public static Conflict ConflictWith(IRevised record)
    {
        var who = record.RevisedByName ?? "Someone";
        var when = record.RevisedAt is DateTime at ? $" at {SchoolClock.Format(at, "HH:mm 'on' d MMMM")}" : "";
        return new Conflict(
            $"{who} changed this{when} since you opened it. Their saved version is shown beside yours: check it, then save again to keep your changes",
            record.Revision);
    }

    /// <summary>
    /// Saves; if another save of <paramref name="record"/> (or of the same new row) won the race since it was loaded,
    /// nothing of this one is written and the conflict names the winner's change.
    /// </summary>
    public static async Task<Conflict?> SaveAsync(LynchpinDbContext db, IRevised record, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return await LostRaceAsync(db, record, ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return await LostRaceAsync(db, record, ct);
        }
    }

    private static async Task<Conflict> LostRaceAsync(LynchpinDbContext db, IRevised record, CancellationToken ct)
    {
        // A caller's transaction is spent (PostgreSQL answers nothing more in it): end it before reading the winner's.
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.RollbackAsync(ct);
        }
        db.ChangeTracker.Clear();
        var entry = db.Entry(record);
        var stored = entry.IsKeySet ? await db.FindAsync(record.GetType(), [.. entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)], ct) as IRevised : null;
        return stored is null
            ? new Conflict("Someone else saved this at the same time as you, so your change was not saved. Open it again to see theirs, then make your change", 0)
            : ConflictWith(stored);
    }
}
