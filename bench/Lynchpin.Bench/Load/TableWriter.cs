using System.Data.Common;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lynchpin.Bench.Load;

/// <summary>
/// Writes the app's own entities into their tables the way EF Core maps them: the table, the columns, each value's
/// conversion (enums stored as codes, lists as arrays or JSON) and the column types all come from the DbContext's model
/// for the provider, so a changed model changes what is written without changing this code. PostgreSQL through binary
/// COPY; SQLite through one prepared INSERT, in the caller's transaction. Ids are written as given.
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
