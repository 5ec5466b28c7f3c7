using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lynchpin.Web.TagHelpers;

/// <summary>How ModelState errors are worded, ordered and linked to; shared by the field tag helpers and _ErrorSummary.</summary>
public static class ModelErrors
{
    /// <summary>The error's message; an error made from an exception alone gets a plain message, never the exception's.</summary>
    public static string Text(ModelError error) =>
        string.IsNullOrWhiteSpace(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;

    /// <summary>The element id for a ModelState key, ASP.NET's way: <c>Input.Roles[0]</c> becomes <c>Input_Roles_0_</c>.</summary>
    public static string FieldId(string key) =>
        key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    /// <summary>
    /// Every error, those without a field first, then in the order the model declares its properties,
    /// which is the order forms show them: ModelState's own order is its internal tree's, not the page's.
    /// </summary>
    public static IReadOnlyList<(string Key, string Text)> InPageOrder(ModelStateDictionary modelState, ModelMetadata? model)
    {
        return modelState
            .Select(entry => (entry.Key, Errors: entry.Value?.Errors ?? []))
            .Where(e => e.Errors.Count > 0)
            .OrderBy(e => Position(e.Key, model), PositionComparer.Instance)
            .SelectMany(e => e.Errors.Select(error => (e.Key, Text(error))))
            .ToList();
    }

    // A key's place as the list of property (or collection) indexes along its path; unknown parts sort last.
    private static List<int> Position(string key, ModelMetadata? model)
    {
        var position = new List<int>();
        foreach (var part in key.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            var bracket = part.IndexOf('[');
            if (bracket >= 0)
            {
                name = part[..bracket];
            }
            if (name.Length > 0)
            {
                var properties = model?.Properties.ToList() ?? [];
                var index = properties.FindIndex(p => string.Equals(p.PropertyName, name, StringComparison.OrdinalIgnoreCase));
                position.Add(index < 0 ? int.MaxValue : index);
                model = index < 0 ? null : properties[index];
            }
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                var indexText = close < 0 ? "" : part[(bracket + 1)..close];
                position.Add(int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue);
                model = model?.ElementMetadata;
                bracket = close < 0 ? -1 : part.IndexOf('[', close);
            }
        }
        return position;
    }

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return x.Count.CompareTo(y.Count);
        }
    }
}
