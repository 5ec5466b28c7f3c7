using System.Data.Common;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lynchpin.Core.Data;

/// <summary>
/// Writes the app's own entities into their tables the way EF Core maps them: the table, the columns, each value's
/// conversion (enums stored as codes, lists as arrays or JSON) and the column types all come from the DbContext's model
/// for the provider, so a changed model changes what is written without changing this code. PostgreSQL through binary
/// COPY; SQLite through one prepared INSERT, in the caller's transaction. Ids are written as given
/// (<see cref="ReserveIdsAsync"/> hands out new ones). It bypasses the change tracker, so a caller writing the app's
/// data raises the data versions itself; the bench loads its data sets with it.
/// </summary>
public sealed partial class TableWriter(DbContext model)
{
    private sealed record Column(string Name, Func<object, object?> Read, RelationalTypeMapping Mapping, string PostgresType);

    public async Task<long> WriteAsync<T>(DbConnection connection, IEnumerable<T> rows, DbTransaction? transaction = null) where T : class
    {
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var columns = Columns(entity);
        return connection switch
        {
            NpgsqlConnection postgres => await CopyAsync(postgres, table, columns, rows),
            SqliteConnection sqlite => Insert(sqlite, (SqliteTransaction?)transaction, table, columns, rows),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    /// <summary>
    /// Writes new rows of the app's data inside the context's current transaction: the import's bulk path. On SQLite
    /// the foreign keys are checked at commit, so rows may point at each other in any order (PostgreSQL checks them at
    /// the end of the COPY).
    /// </summary>
    public async Task<long> InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        var transaction = model.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        if (model.Database.IsSqlite())
        {
            // Reset by SQLite when the transaction ends.
            await model.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", cancellationToken);
        }
        return await WriteAsync(transaction.Connection!, rows, transaction);
    }

    /// <summary>
    /// New ids for <paramref name="count"/> rows of <typeparamref name="T"/>, so rows written together can name each
    /// other. Inside the caller's transaction: PostgreSQL takes them from the column's sequence (other writers never get
    /// the same ones); on SQLite the transaction holds the write lock, and the next ids follow both the highest id and
    /// the AUTOINCREMENT counter, so a deleted row's id is never given again.
    /// </summary>
    public async Task<IReadOnlyList<int>> ReserveIdsAsync<T>(int count, CancellationToken cancellationToken) where T : class
    {
        if (count == 0)
        {
            return [];
        }
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        if (model.Database.IsNpgsql())
        {
            return await model.Database
                .SqlQuery<int>($"SELECT CAST(nextval(pg_get_serial_sequence({table}, {key})) AS integer) AS \"Value\" FROM generate_series(1, {count})")
                .ToListAsync(cancellationToken);
        }
        // The names come from the model, not from input.
        var sql = "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = @table), 0), "
            + $"coalesce((SELECT max({Quote(key)}) FROM {Quote(table)}), 0)) AS \"Value\"";
        var last = await model.Database.SqlQueryRaw<long>(sql, new SqliteParameter("@table", table)).SingleAsync(cancellationToken);
        return Enumerable.Range(checked((int)last + 1), count).ToList();
    }

    private static List<Column> Columns(IEntityType entity)
    {
        var columns = new List<Column>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        foreach (var property in entity.GetProperties())
        {
            var mapping = property.GetRelationalTypeMapping();
            var read = property.PropertyInfo is { } info ? Getter(info) : (_ => null);
            var convert = mapping.Converter?.ConvertToProvider;
            // Npgsql takes a type by name without its facets: "character varying(200)" is "character varying".
            columns.Add(new Column(property.GetColumnName(table)!, convert is null ? read : e => convert(read(e)), mapping,
                Facets().Replace(mapping.StoreType, "")));
        }
        return columns;
    }

    private static Func<object, object?> Getter(System.Reflection.PropertyInfo info)
    {
        var entity = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.Property(Expression.Convert(entity, info.DeclaringType!), info), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, entity).Compile();
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows) where T : class
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        // The synchronous writer: per-value async calls cost more than the copy itself.
        using var writer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT BINARY)");
        long count = 0;
        foreach (var row in rows)
        {
            writer.StartRow();
            foreach (var column in columns)
            {
                if (column.Read(row) is { } value)
                {
                    writer.Write(value, column.PostgresType);
                }
                else
                {
                    writer.WriteNull();
                }
            }
            count++;
        }
        await writer.CompleteAsync();
        return count;
    }

    private static long Insert<T>(SqliteConnection connection, SqliteTransaction? transaction, string table, List<Column> columns, IEnumerable<T> rows)
        where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        // Parameters as EF Core makes them for this column (the mapping sets the SQLite type where it matters).
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
            count++;
        }
        return count;
    }

    private static string Quote(string name) => $"\"{name}\"";

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();
}
