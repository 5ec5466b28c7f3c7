namespace Lynchpin.Core.Kernel;

/// <summary>
/// An enum's codes (as files, URLs, the API and the database write them, e.g. <c>peer-observation</c>) and the words
/// pages show, in one table, so each enum does not need its own three switch statements.
/// </summary>
public sealed class CodeList<T> where T : struct, Enum
{
    private readonly IReadOnlyList<(T Value, string Code, string Name)> _entries;

    public CodeList(params (T Value, string Code, string Name)[] entries)
    {
        var missing = Enum.GetValues<T>().Except(entries.Select(e => e.Value)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name}: no code for {string.Join(", ", missing)}.");
        }
        _entries = entries;
    }

    public IReadOnlyList<T> All => _entries.Select(e => e.Value).ToList();

    public IReadOnlyList<string> Codes => _entries.Select(e => e.Code).ToList();

    public string Code(T value) => _entries.First(e => e.Value.Equals(value)).Code;

    public string Name(T value) => _entries.First(e => e.Value.Equals(value)).Name;

    /// <summary>Reads a code case-insensitively, ignoring spaces around it.</summary>
    public bool TryParse(string? code, out T value)
    {
        var trimmed = code?.Trim();
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Code, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = entry.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>For the database conversion: a stored code that no longer reads is a fault, not a value.</summary>
    public T Parse(string code) =>
        TryParse(code, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(T).Name} code '{code}'.");
}
