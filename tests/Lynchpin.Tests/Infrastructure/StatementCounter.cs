using System.Collections.Concurrent;
using System.Data.Common;
using Lynchpin.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>
/// Counts the SQL statements each request runs, for the statement-count tests: a request that sends
/// <see cref="Header"/> has every command the app's contexts run while answering it recorded under the header's value.
/// </summary>
public sealed class StatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Statements";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byRequest = new();

    /// <summary>The statements of the request that sent <paramref name="id"/>, in order.</summary>
    public IReadOnlyList<string> Of(string id) => _byRequest.TryGetValue(id, out var statements) ? statements.ToList() : [];

    /// <summary>Adds the counter to the app's <see cref="LynchpinDbContext"/> (in a factory's ConfigureTestServices).</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<StatementCounter>();
        services.ConfigureDbContext<LynchpinDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<StatementCounter>()));
    }

    private void Record(DbCommand command)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id)
        {
            _byRequest.GetOrAdd(id, _ => new()).Enqueue(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
