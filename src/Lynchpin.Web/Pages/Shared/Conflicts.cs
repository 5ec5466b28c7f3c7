using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Lynchpin.Web.Pages.Shared;

/// <summary>A form that edits an <see cref="IRevised"/> record: it carries the revision it was opened at as a hidden field.</summary>
public interface IRevisedInput
{
    int Revision { get; set; }
}

/// <summary>One input whose saved value (someone else's save) differs from what the person typed.</summary>
public record ConflictRow(string Label, string Saved, string Typed);

/// <summary>Compares the saved record's form values with the person's, input by input, for the conflict table.</summary>
public static class Conflicts
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The inputs whose values differ; labels from their <c>[Display(Name)]</c>, or the property's name.</summary>
    public static IReadOnlyList<ConflictRow> Compare(object saved, object typed)
    {
        var rows = new List<ConflictRow>();
        foreach (var property in typed.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(IRevisedInput.Revision) || !property.CanRead || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var theirs = Show(property.GetValue(saved));
            var yours = Show(property.GetValue(typed));
            if (theirs != yours)
            {
                var label = property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name;
                rows.Add(new ConflictRow(British.TextInfo.ToUpper(label[0]) + label[1..], theirs, yours));
            }
        }
        return rows;
    }

    private static string Show(object? value) => value switch
    {
        null => "(blank)",
        string s => string.IsNullOrWhiteSpace(s) ? "(blank)" : s.Trim(),
        bool b => b ? "Yes" : "No",
        DateOnly d => d.ToString("d MMMM yyyy", British),
        IFormattable f => f.ToString(null, British),
        IEnumerable items => string.Join("; ", items.Cast<object?>().Select(Show)),
        _ => value.ToString() ?? "",
    };
}
