using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

/// <summary>The outcome of a change the rules may refuse: the thing made or changed, or (with nothing saved) the errors.</summary>
public sealed record ObservationResult<T>(T? Value, IReadOnlyList<FieldError> Errors) where T : class
{
    public bool Succeeded => Errors.Count == 0;

    public static ObservationResult<T> Done(T value) => new(value, []);

    public static ObservationResult<T> Fail(IReadOnlyList<FieldError> errors) => new(null, errors);

    public static ObservationResult<T> Fail(string field, string message) => new(null, [new FieldError(field, message)]);
}
