using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>An objective as the add and edit pages post it; the type is its code (<c>pupil-progress</c>).</summary>
public class ObjectiveForm : IRevisedInput
{
    /// <summary>The objective's revision when the form was opened (0 on the add form).</summary>
    public int Revision { get; set; }

    /// <summary>The fields the rules name in their errors, so each error lands on its input.</summary>
    public static readonly string[] Fields =
        ["Title", "SuccessCriteria", "Type", "SchoolPriority", "PupilGroup", "Measure", "Baseline", "Target"];

    [Display(Name = "title")] public string? Title { get; set; }
    [Display(Name = "success criteria")] public string? SuccessCriteria { get; set; }
    [Display(Name = "type of objective")] public string? Type { get; set; }
    [Display(Name = "school priority")] public string? SchoolPriority { get; set; }
    [Display(Name = "pupil group")] public string? PupilGroup { get; set; }
    [Display(Name = "measure")] public string? Measure { get; set; }
    [Display(Name = "baseline")] public string? Baseline { get; set; }
    [Display(Name = "target")] public string? Target { get; set; }

    public static ObjectiveForm From(Objective objective) => new()
    {
        Revision = objective.Revision,
        Title = objective.Title,
        SuccessCriteria = objective.SuccessCriteria,
        Type = objective.Type.Code(),
        SchoolPriority = objective.SchoolPriority,
        PupilGroup = objective.PupilGroup,
        Measure = objective.Measure,
        Baseline = objective.Baseline,
        Target = objective.Target,
    };

    /// <summary>The input for the rules; an unknown type code is passed on as no type, which the rules refuse.</summary>
    public ObjectiveInput ToInput() => new(
        Title, SuccessCriteria, AppraisalCodes.TryParseObjectiveType(Type, out var type) ? type : null,
        SchoolPriority, PupilGroup, Measure, Baseline, Target);

    /// <summary>
    /// What each type means, with examples of pupil progress for every kind of role: the objective everyone has,
    /// which support staff are least used to writing.
    /// </summary>
    public static string Hint(ObjectiveType type) => type switch
    {
        ObjectiveType.PupilProgress =>
            "How pupils learn or do better because of this person's work. Everyone has at least one, whatever their role: " +
            "a class's progress scores for a teacher; the reading age of an intervention group for a teaching assistant; " +
            "the attendance of a group of pupils for an attendance officer; pupils' time in learning, through fewer lessons lost, " +
            "for a site manager; fewer lessons lost to IT faults for a technician.",
        ObjectiveType.ProfessionalDevelopment => "What the person will learn or practise this year, and how it will show in their work.",
        ObjectiveType.SchoolPriority => "Their part in a priority of the school improvement plan, such as a whole-school focus shared by a group.",
        ObjectiveType.RoleSpecific => "Something particular to the job, such as a process, a service or a standard to reach.",
        _ => "",
    };

    /// <summary>A pupil-progress objective that would suit someone in this role family, to start from.</summary>
    public static string PupilProgressExample(RoleFamily family) => family switch
    {
        RoleFamily.Teaching => "the average progress score of a Year 10 class rises from -0.2 to +0.1",
        RoleFamily.LearningSupport => "the reading age of a Year 7 intervention group rises by 9 months by July",
        RoleFamily.Pastoral => "attendance of a Year 9 group rises from 88% to 93% by the end of the spring term",
        RoleFamily.Inclusion => "pupils with an EHC plan meet 3 of the 4 targets in their plan this year",
        RoleFamily.Business => "pupils' time in learning: supply cover arranged within the day for 95% of absences, so fewer lessons are lost",
        RoleFamily.Administration => "pupils' time in learning: late arrivals followed up the same day, halving lost morning lessons",
        RoleFamily.Site => "pupils' time in learning: lessons lost to room and heating faults fall from 12 to 4 a term",
        RoleFamily.Community => "20 pupils in the holiday club keep their reading age over the summer",
        RoleFamily.Technical => "pupils' time in learning: lessons lost to IT faults fall from 10 to 2 a term",
        _ => "",
    };
}
