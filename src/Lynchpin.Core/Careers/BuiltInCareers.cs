using System.Text.Json;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Careers;

/// <summary>
/// The standards, qualification catalogue, career pathways and role requirements Lynchpin ships with, read once from
/// the JSON files in Careers/BuiltIn (embedded in the assembly). Data, not code: a new NPQ or pathway step is a line there.
/// </summary>
public static class BuiltInCareers
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
    private static readonly Lazy<StandardsFile> StandardsData = new(() => Read<StandardsFile>("standards.json"));
    private static readonly Lazy<IReadOnlyList<Qualification>> QualificationsData = new(LoadQualifications);
    private static readonly Lazy<PathwaysFile> PathwaysData = new(() => Read<PathwaysFile>("pathways.json"));
    private static readonly Lazy<IReadOnlyList<Pathway>> PathwayList = new(LoadPathways);

    /// <summary>Fresh, unsaved copies of the built-in standard sets (a caller may edit and store one).</summary>
    public static IReadOnlyList<StandardSet> StandardSets() => StandardsData.Value.Sets.Select(ToEntity).ToList();

    /// <summary>A fresh copy of one built-in set, or null if there is none of that code.</summary>
    public static StandardSet? StandardSet(string code) =>
        StandardsData.Value.Sets.Where(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)).Select(ToEntity).FirstOrDefault();

    /// <summary>Sets that are a starting point for a school's own standards rather than published ones.</summary>
    public static bool IsStarter(string setCode) =>
        StandardsData.Value.Sets.Any(s => s.Starter && string.Equals(s.Code, setCode, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<Qualification> Qualifications => QualificationsData.Value;

    public static IReadOnlyList<Pathway> Pathways => PathwayList.Value;

    public static IReadOnlyList<RoleRequirement> Requirements =>
        PathwaysData.Value.Requirements.Select(r => new RoleRequirement(r.JobTitle, r.Qualification, r.WithinMonths)).ToList();

    private static StandardSet ToEntity(StandardSetJson set) => new()
    {
        Code = set.Code,
        Name = set.Name,
        Description = set.Description,
        RoleFamilies = set.Families.Select(Family).ToList(),
        Tiers = [.. set.Tiers],
        Standards = set.Standards.Select((s, i) => new Standard { Code = s.Code, Section = s.Section, Tier = s.Tier, Text = s.Text, SortOrder = i }).ToList(),
    };

    private static IReadOnlyList<Qualification> LoadQualifications() =>
        Read<QualificationsFile>("qualifications.json").Qualifications.Select(q => new Qualification(
            q.Code, q.Name, q.AwardingBody, q.Level,
            CareerCodes.QualificationKinds.TryParse(q.Kind, out var kind) ? kind : throw new InvalidOperationException($"qualifications.json: {q.Code} has kind '{q.Kind}'."),
            q.QtsNeeded, q.Funded, q.Historic, q.ValidForMonths, q.Aliases, IsOwn: false)).ToList();

    private static IReadOnlyList<Pathway> LoadPathways() =>
        PathwaysData.Value.Pathways.Select(p => new Pathway(p.Code, p.Name, p.Families.Select(Family).ToList(),
            p.Steps.Select((s, i) => new PathwayStep(p.Code, s.Code, s.Title, i, s.Next,
                s.Qualifications, s.Standards.Select(e => new StandardExpectation(e.Set, e.Tier)).ToList(),
                s.ExperienceMonths, s.JobTitles, s.Routes)).ToList())).ToList();

    private static RoleFamily Family(string code) =>
        RoleFamilies.TryParse(code, out var family) ? family : throw new InvalidOperationException($"Built-in careers data: unknown role family '{code}'.");

    private static T Read<T>(string file)
    {
        var name = $"Lynchpin.Core.Careers.BuiltIn.{file}";
        using var stream = typeof(BuiltInCareers).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in Lynchpin.Core.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{file} is empty.");
    }

    private sealed record StandardsFile(IReadOnlyList<StandardSetJson> Sets);
    private sealed record StandardSetJson(string Code, string Name, string? Description, IReadOnlyList<string> Families, bool Starter, IReadOnlyList<StandardJson> Standards)
    {
        public IReadOnlyList<string> Tiers { get; init; } = [];
    }
    private sealed record StandardJson(string Code, string Section, int? Tier, string Text);

    private sealed record QualificationsFile(IReadOnlyList<QualificationJson> Qualifications);
    private sealed record QualificationJson(string Code, string Name, string? AwardingBody, int? Level, string Kind, bool QtsNeeded, bool Funded, bool Historic, int? ValidForMonths)
    {
        public IReadOnlyList<string> Aliases { get; init; } = [];
    }

    private sealed record PathwaysFile(IReadOnlyList<PathwayJson> Pathways, IReadOnlyList<RequirementJson> Requirements);
    private sealed record PathwayJson(string Code, string Name, IReadOnlyList<string> Families, IReadOnlyList<StepJson> Steps);
    private sealed record StepJson(string Code, string Title, int ExperienceMonths)
    {
        public IReadOnlyList<string> Next { get; init; } = [];
        public IReadOnlyList<IReadOnlyList<string>> Qualifications { get; init; } = [];
        public IReadOnlyList<ExpectationJson> Standards { get; init; } = [];
        public IReadOnlyList<string> JobTitles { get; init; } = [];
        public IReadOnlyList<string> Routes { get; init; } = [];
    }
    private sealed record ExpectationJson(string Set, int? Tier);
    private sealed record RequirementJson(string JobTitle, string Qualification, int WithinMonths);
}
