namespace Lynchpin.Core.Data;

/// <summary>The database errors the app expects and answers itself, named the same on both providers.</summary>
public static class DatabaseErrors
{
    /// <summary>A save refused by a unique index: someone else's save of the same thing came first.</summary>
    /// <remarks>EF Core wraps the provider's error; a bulk write (<see cref="TableWriter"/>) throws it as it is.</remarks>
    public static bool IsUniqueViolation(Exception e) => (e is DbUpdateException ? e.InnerException : e) switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
