using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lynchpin.Core.Data;

/// <summary>
/// One input policy (issue 15): no text is stored with a control character in it (NUL and the other C0 characters but
/// tab, CR and LF). PostgreSQL refuses a NUL with an error and SQLite stores it, so the check is made here, the same on
/// both databases. Forms, the API and imports refuse such text first with a message naming the field or row; this is the
/// last line, for a path that did not.
/// </summary>
public static class StoredText
{
    public static bool HasControlCharacter(string? value)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (c < ' ' && c is not ('\t' or '\r' or '\n'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Throws <see cref="ControlCharacterException"/> for the first added or changed text with a control character.</summary>
    internal static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && (entry.State == EntityState.Added || property.IsModified)
                    && HasControlCharacter(text))
                {
                    throw new ControlCharacterException(entry.Metadata.ClrType.Name, property.Metadata.Name);
                }
            }
        }
    }
}

/// <summary>A save refused because a text held a control character (see <see cref="StoredText"/>); nothing was written.</summary>
public sealed class ControlCharacterException(string entity, string property)
    : Exception($"{entity}.{property} has a control character (such as NUL) in it, which cannot be stored.")
{
    public string Property { get; } = property;
}
