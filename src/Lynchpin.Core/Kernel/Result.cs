namespace Lynchpin.Core.Kernel;

/// <summary>A problem with one field of a form, or with the change as a whole; Field names the input's property.</summary>
public record FieldError(string Field, string Message);

/// <summary>The outcome of a change the rules may refuse: nothing is saved when there are errors.</summary>
public record Result(IReadOnlyList<FieldError> Errors)
{
    public static readonly Result Ok = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static Result Fail(FieldError error) => new([error]);

    public static Result Fail(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>An outcome with the thing made or changed, which is null when there are errors.</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<FieldError> Errors) : Result(Errors) where T : class
{
    public static Result<T> Done(T value) => new(value, []);

    public static new Result<T> Fail(FieldError error) => new(null, [error]);

    public static Result<T> Fail(IReadOnlyList<FieldError> errors) => new(null, errors);

    public static new Result<T> Fail(string field, string message) => new(null, [new FieldError(field, message)]);
}
