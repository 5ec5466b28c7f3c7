namespace Lynchpin.Core.Coaching;

/// <summary>The checks every coaching and pupil form shares: trimmed text, required or not, within its column's length.</summary>
internal static class Fields
{
    /// <summary>The trimmed text, or null (and an error) when it is empty or too long.</summary>
    public static string? Required(List<FieldError> errors, string field, string? value, int maxLength, string what)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new(field, $"Enter {what}"));
            return null;
        }
        return Optional(errors, field, text, maxLength, what);
    }

    /// <summary>The trimmed text, or null when empty; an error when too long.</summary>
    public static string? Optional(List<FieldError> errors, string field, string? value, int maxLength, string what)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            errors.Add(new(field, $"{Capitalise(what)} must be {maxLength} characters or fewer"));
            return null;
        }
        return text;
    }

    public static DateOnly? RequiredDate(List<FieldError> errors, string field, DateOnly? value, string what)
    {
        if (value is null)
        {
            errors.Add(new(field, $"Enter {what}"));
        }
        return value;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
