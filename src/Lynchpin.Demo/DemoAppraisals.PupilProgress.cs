using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Demo;

/// <summary>
/// The pupil-progress objective of someone without a hand-written one, read from the table in PupilProgressGoals.json:
/// the first rule that fits their role family, school and job title (the file's "about" says how a rule reads).
/// </summary>
internal static partial class DemoAppraisals
{
    private static readonly GoalRule[] GoalRules = LoadGoalRules();

    private static readonly IReadOnlyDictionary<int, string> SchoolKinds = new Dictionary<int, string>
    {
        [DemoData.SecondaryUrn] = "Secondary",
        [DemoData.PrimaryUrn] = "Primary",
        [DemoData.SpecialUrn] = "Special",
    };

    private static Goal PupilProgress(Story story)
    {
        var person = story.Person;
        var rule = GoalRules.FirstOrDefault(r => r.Fits(person, SchoolKinds[story.Urn]))
            ?? throw new InvalidOperationException($"No rule in PupilProgressGoals.json fits {person.JobTitle} ({person.RoleFamily}).");
        // A choice of goals is picked before anything is drawn, so the draws are the chosen goal's own.
        var template = rule.OneOf.Length > 0 ? rule.OneOf[story.Random.Next(rule.OneOf.Length)] : rule;
        return template.Write(person.JobTitle, story.Random);
    }

    /// <summary>A goal whose texts hold {placeholders}, and the random values to draw for them.</summary>
    private class GoalTemplate
    {
        public string[] Draw { get; init; } = [];
        public string Title { get; init; } = "";
        public string Group { get; init; } = "";
        public string Measure { get; init; } = "";
        public string Baseline { get; init; } = "";
        public string Target { get; init; } = "";
        public string How { get; init; } = "";
        public bool Fewer { get; init; }
        public string? Priority { get; init; }

        public Goal Write(string jobTitle, Random random)
        {
            var values = new Dictionary<string, Value>
            {
                ["subject"] = new(Subject(jobTitle), null),
                ["yearGroup"] = new(InBrackets(jobTitle), null),
            };
            foreach (var draw in Draw)
            {
                var (name, value) = Value.Drawn(draw, random);
                values[name] = value;
            }
            string Fill(string text) => Placeholder().Replace(text, m =>
            {
                var value = values.GetValueOrDefault(m.Groups["name"].Value)
                    ?? throw new InvalidOperationException($"PupilProgressGoals.json: nothing is drawn for {m.Value} in \"{text}\".");
                return m.Groups["plus"].Success ? value.Plus(m.Groups["plus"].Value) : value.Text;
            });
            return new(Fill(Title), Fill(Group), Fill(Measure), Fill(Baseline), Fill(Target), Fill(How), Fewer, Priority);
        }
    }

    /// <summary>Who a goal is for: a role family, and a kind of school and a job title when given.</summary>
    private sealed class GoalRule : GoalTemplate
    {
        public RoleFamily Family { get; init; }
        public string? School { get; init; }
        public string? Job { get; init; }
        public GoalTemplate[] OneOf { get; init; } = [];

        public bool Fits(StaffMember person, string school) =>
            person.RoleFamily == Family
            && (School is null || School == school)
            && (Job is null || Job.Split('|').Any(pattern => JobMatches(pattern, person.JobTitle)));
    }

    /// <summary>"Headteacher" is the whole title, "Head of*" its start, "*Behaviour*" any part of it.</summary>
    private static bool JobMatches(string pattern, string jobTitle) => (pattern.StartsWith('*'), pattern.EndsWith('*')) switch
    {
        (true, true) => jobTitle.Contains(pattern[1..^1], StringComparison.Ordinal),
        (false, true) => jobTitle.StartsWith(pattern[..^1], StringComparison.Ordinal),
        (true, false) => jobTitle.EndsWith(pattern[1..], StringComparison.Ordinal),
        _ => jobTitle == pattern,
    };

    /// <summary>A value for a placeholder; <see cref="Decimals"/> is set for numbers, which {name+N} can add to.</summary>
    private sealed record Value(string Text, int? Decimals, bool Percent = false)
    {
        /// <summary>"share = 52% to 62%": a number between the bounds with their decimals; "group = 5 to 7": a whole number.</summary>
        public static (string Name, Value Value) Drawn(string draw, Random random)
        {
            var m = DrawPattern().Match(draw);
            if (!m.Success)
            {
                throw new InvalidOperationException($"PupilProgressGoals.json: \"{draw}\" is not \"name = 5 to 7\" or \"name = 52% to 62%\".");
            }
            var (from, to) = (m.Groups["from"].Value, m.Groups["to"].Value);
            var percent = m.Groups["percent"].Success;
            if (!percent && !from.Contains('.') && !to.Contains('.'))
            {
                var whole = random.Next(int.Parse(from, CultureInfo.InvariantCulture), int.Parse(to, CultureInfo.InvariantCulture) + 1);
                return (m.Groups["name"].Value, new(whole.ToString(CultureInfo.InvariantCulture), 0));
            }
            var (low, high) = (double.Parse(from, CultureInfo.InvariantCulture), double.Parse(to, CultureInfo.InvariantCulture));
            var decimals = Math.Max(DecimalsOf(from), DecimalsOf(to));
            var number = low + random.NextDouble() * (high - low);
            return (m.Groups["name"].Value, new(Format(number, decimals, percent), decimals, percent));
        }

        /// <summary>The number plus "+10" or "-1", written as the number was.</summary>
        public string Plus(string amount)
        {
            if (Decimals is not { } decimals)
            {
                throw new InvalidOperationException($"PupilProgressGoals.json: \"{Text}\" is not a number to add {amount} to.");
            }
            var number = double.Parse(Text.TrimEnd('%'), CultureInfo.InvariantCulture) + double.Parse(amount, CultureInfo.InvariantCulture);
            return Format(number, decimals, Percent);
        }

        private static string Format(double number, int decimals, bool percent) =>
            number.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture) + (percent ? "%" : "");

        private static int DecimalsOf(string number) => number.Contains('.') ? number.Length - number.IndexOf('.') - 1 : 0;
    }

    /// <summary>"Teacher of Science (ECT)" → "Science"; "Head of Art and Design Technology" → "Art and Design Technology".</summary>
    private static string Subject(string jobTitle)
    {
        var subject = jobTitle;
        foreach (var prefix in new[] { "Head of ", "Second in ", "Teacher of " })
        {
            if (subject.StartsWith(prefix, StringComparison.Ordinal))
            {
                subject = subject[prefix.Length..];
            }
        }
        var bracket = subject.IndexOf(" (", StringComparison.Ordinal);
        return bracket < 0 ? subject : subject[..bracket];
    }

    /// <summary>"Achievement Coordinator (Year 9)" → "Year 9"; "" without brackets.</summary>
    private static string InBrackets(string jobTitle)
    {
        var (open, close) = (jobTitle.IndexOf('('), jobTitle.IndexOf(')'));
        return open >= 0 && close > open ? jobTitle[(open + 1)..close] : "";
    }

    private static GoalRule[] LoadGoalRules()
    {
        using var stream = typeof(DemoAppraisals).Assembly.GetManifestResourceStream("Lynchpin.Demo.PupilProgressGoals.json")
            ?? throw new InvalidOperationException("PupilProgressGoals.json is not embedded in Lynchpin.Demo.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // A misspelt field would otherwise be dropped without a word.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        };
        var rules = JsonSerializer.Deserialize<GoalTable>(stream, options)?.Rules ?? [];
        var unwritten = rules.Where(r => r.OneOf.Length == 0 ? r.Title.Length == 0 : r.Title.Length > 0).ToList();
        if (rules.Length == 0 || unwritten.Count > 0)
        {
            throw new InvalidOperationException(
                $"PupilProgressGoals.json: every rule needs either a goal or a oneOf choice of goals ({string.Join(", ", unwritten.Select(r => $"{r.Family} {r.Job}"))}).");
        }
        return rules;
    }

    private sealed record GoalTable(string[] About, GoalRule[] Rules);

    [GeneratedRegex(@"^(?<name>\w+) = (?<from>-?\d+(\.\d+)?)(?<percent>%)? to (?<to>-?\d+(\.\d+)?)%?$")]
    private static partial Regex DrawPattern();

    [GeneratedRegex(@"\{(?<name>\w+)(?<plus>[+-]\d+(\.\d+)?)?\}")]
    private static partial Regex Placeholder();
}
