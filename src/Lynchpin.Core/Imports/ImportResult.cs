namespace Lynchpin.Core.Imports;

/// <summary>One bad row of an import file: its line number in the file (header = line 1) and why.</summary>
public record RowError(int Line, string Message);

/// <summary>The outcome of an all-or-nothing import: either every row was applied, or none and the errors say why.</summary>
public record ImportResult(int Created, int Updated, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Failed(IReadOnlyList<RowError> errors) => new(0, 0, errors);
}
