using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

/// <summary>The outcome of a change the rules may refuse: nothing is saved when there are errors.</summary>
public record AppraisalResult(IReadOnlyList<FieldError> Errors)
{
    public static readonly AppraisalResult Ok = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AppraisalResult Fail(FieldError error) => new([error]);
}

/// <summary>An outcome with the thing made or changed, which is null when there are errors.</summary>
public sealed record AppraisalResult<T>(T? Value, IReadOnlyList<FieldError> Errors) : AppraisalResult(Errors) where T : class
{
    public static AppraisalResult<T> Done(T value) => new(value, []);

    public static new AppraisalResult<T> Fail(FieldError error) => new(null, [error]);

    public static AppraisalResult<T> Fail(IReadOnlyList<FieldError> errors) => new(null, errors);
}
