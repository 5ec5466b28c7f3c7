using System.Text.RegularExpressions;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Careers;

/// <summary>A ladder of roles for one or more role families (Careers/BuiltIn/pathways.json).</summary>
public sealed record Pathway(string Code, string Name, IReadOnlyList<RoleFamily> Families, IReadOnlyList<PathwayStep> Steps);

/// <summary>Standards a step expects: a set (one tier of it, for tiered sets) rated secure or better.</summary>
public sealed record StandardExpectation(string SetCode, int? Tier);

/// <summary>
/// One role on a pathway and what it expects: each entry of <see cref="Qualifications"/> is "any one of" these codes,
/// the standards, and months of experience in the person's current step. <see cref="Next"/> names the steps open from
/// here, as a step code of the same pathway or <c>pathway/step</c> for another (a TA's road into teaching).
/// </summary>
public sealed record PathwayStep(
    string PathwayCode,
    string Code,
    string Title,
    int Order,
    IReadOnlyList<string> Next,
    IReadOnlyList<IReadOnlyList<string>> Qualifications,
    IReadOnlyList<StandardExpectation> Standards,
    int ExperienceMonths,
    IReadOnlyList<string> JobTitles,
    IReadOnlyList<string> Routes)
{
    public string Key => $"{PathwayCode}/{Code}";
}

/// <summary>Finds pathways and steps, the steps open from a step, and the step a job title most likely is.</summary>
public sealed class CareerPathways(IReadOnlyList<Pathway> pathways)
{
    public static CareerPathways BuiltIn { get; } = new(BuiltInCareers.Pathways);

    public IReadOnlyList<Pathway> All => pathways;

    public Pathway? Pathway(string code) => pathways.FirstOrDefault(p => p.Code == code);

    public PathwayStep? Step(string pathwayCode, string stepCode) =>
        Pathway(pathwayCode)?.Steps.FirstOrDefault(s => s.Code == stepCode);

    /// <summary>The pathway for a role family (the first that lists it).</summary>
    public Pathway? ForFamily(RoleFamily family) => pathways.FirstOrDefault(p => p.Families.Contains(family));

    /// <summary>The steps open from a step, in the order the data lists them.</summary>
    public IReadOnlyList<PathwayStep> NextSteps(PathwayStep step) =>
        step.Next.Select(reference => Resolve(step.PathwayCode, reference)
            ?? throw new InvalidOperationException($"pathways.json: {step.Key} names '{reference}', which is not a step.")).ToList();

    public PathwayStep? Resolve(string fromPathway, string reference)
    {
        var slash = reference.IndexOf('/');
        return slash < 0 ? Step(fromPathway, reference) : Step(reference[..slash], reference[(slash + 1)..]);
    }

    /// <summary>
    /// The step a job title most likely is, on the pathway of the person's family: the step whose pattern is the longest
    /// whole-word match ("senior teaching assistant" before "teaching assistant"). Null when nothing matches; a school
    /// then places the person on a step itself.
    /// </summary>
    public PathwayStep? StepForJobTitle(RoleFamily family, string jobTitle)
    {
        var pathway = ForFamily(family);
        if (pathway is null)
        {
            return null;
        }
        return pathway.Steps
            .SelectMany(s => s.JobTitles.Where(t => ContainsWords(jobTitle, t)).Select(t => (Step: s, t.Length)))
            .OrderByDescending(m => m.Length).ThenBy(m => m.Step.Order)
            .Select(m => m.Step).FirstOrDefault();
    }

    /// <summary>True when <paramref name="pattern"/> appears in <paramref name="text"/> as whole words, case-insensitively.</summary>
    public static bool ContainsWords(string text, string pattern) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(pattern)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
