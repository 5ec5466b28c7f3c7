using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

/// <summary>What a school has until it changes its observation settings.</summary>
public static class ObservationSettingsDefaults
{
    /// <summary>Focused on learning, not on grading the teacher.</summary>
    public static readonly IReadOnlyList<string> Questions = ["What are pupils learning?", "How do you know?", "What would help?"];

    public const int MaxObserversPerLessonLimit = 5;
    public const int MaxVisitsPerObserveeLimit = 20;

    /// <summary>
    /// A school's settings as they start: records shared with the observed person when made by senior leaders, middle
    /// leaders and teachers, not when made by pastoral or support staff; no judgements; one observer per lesson; two
    /// visits per observee; the three default questions for every kind.
    /// </summary>
    public static ObservationSettings For(int schoolId) => new()
    {
        SchoolId = schoolId,
        ShareSltRecords = true,
        ShareMiddleLeaderRecords = true,
        ShareTeacherRecords = true,
        SharePastoralRecords = false,
        ShareSupportRecords = false,
        RecordJudgements = false,
        MaxObserversPerLesson = 1,
        MaxVisitsPerObservee = 2,
        LearningWalkQuestions = [.. Questions],
        LessonObservationQuestions = [.. Questions],
        DropInQuestions = [.. Questions],
    };
}

/// <summary>A form's worth of observation settings; question lists may hold blank lines, which are dropped.</summary>
public sealed record ObservationSettingsInput
{
    public bool ShareSltRecords { get; init; }
    public bool ShareMiddleLeaderRecords { get; init; }
    public bool ShareTeacherRecords { get; init; }
    public bool SharePastoralRecords { get; init; }
    public bool ShareSupportRecords { get; init; }
    public bool RecordJudgements { get; init; }
    public int MaxObserversPerLesson { get; init; }
    public int MaxVisitsPerObservee { get; init; }
    public IReadOnlyList<string?> LearningWalkQuestions { get; init; } = [];
    public IReadOnlyList<string?> LessonObservationQuestions { get; init; } = [];
    public IReadOnlyList<string?> DropInQuestions { get; init; } = [];

    /// <summary>The settings as they stand, to fill a form.</summary>
    public static ObservationSettingsInput From(ObservationSettings settings) => new()
    {
        ShareSltRecords = settings.ShareSltRecords,
        ShareMiddleLeaderRecords = settings.ShareMiddleLeaderRecords,
        ShareTeacherRecords = settings.ShareTeacherRecords,
        SharePastoralRecords = settings.SharePastoralRecords,
        ShareSupportRecords = settings.ShareSupportRecords,
        RecordJudgements = settings.RecordJudgements,
        MaxObserversPerLesson = settings.MaxObserversPerLesson,
        MaxVisitsPerObservee = settings.MaxVisitsPerObservee,
        LearningWalkQuestions = settings.LearningWalkQuestions,
        LessonObservationQuestions = settings.LessonObservationQuestions,
        DropInQuestions = settings.DropInQuestions,
    };
}

/// <summary>Reads and changes a school's observation settings. Callers check that the user leads the school first.</summary>
public class ObservationSettingsEditor(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>The school's settings, or the defaults (not saved) when it has none.</summary>
    public async Task<ObservationSettings> GetAsync(int schoolId, CancellationToken cancellationToken = default) =>
        await LoadAsync(db, schoolId, cancellationToken);

    internal static async Task<ObservationSettings> LoadAsync(LynchpinDbContext db, int schoolId, CancellationToken cancellationToken) =>
        await db.ObservationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.SchoolId == schoolId, cancellationToken)
        ?? ObservationSettingsDefaults.For(schoolId);

    public static IReadOnlyList<FieldError> Validate(ObservationSettingsInput input)
    {
        var errors = new List<FieldError>();
        if (input.MaxObserversPerLesson is < 1 or > ObservationSettingsDefaults.MaxObserversPerLessonLimit)
        {
            errors.Add(new(nameof(input.MaxObserversPerLesson),
                $"Observers in one lesson must be a number from 1 to {ObservationSettingsDefaults.MaxObserversPerLessonLimit}"));
        }
        if (input.MaxVisitsPerObservee is < 1 or > ObservationSettingsDefaults.MaxVisitsPerObserveeLimit)
        {
            errors.Add(new(nameof(input.MaxVisitsPerObservee),
                $"Visits to one person in a rota must be a number from 1 to {ObservationSettingsDefaults.MaxVisitsPerObserveeLimit}"));
        }
        foreach (var (field, kind, questions) in new[]
                 {
                     (nameof(input.LearningWalkQuestions), ObservationKind.LearningWalk, input.LearningWalkQuestions),
                     (nameof(input.LessonObservationQuestions), ObservationKind.LessonObservation, input.LessonObservationQuestions),
                     (nameof(input.DropInQuestions), ObservationKind.DropIn, input.DropInQuestions),
                 })
        {
            var list = Clean(questions);
            var what = kind.DisplayName().ToLowerInvariant();
            if (list.Count == 0)
            {
                errors.Add(new(field, $"Write at least one focus question for a {what}"));
            }
            else if (list.Count > ObservationSettings.MaxQuestions)
            {
                errors.Add(new(field, $"A {what} can have at most {ObservationSettings.MaxQuestions} focus questions"));
            }
            else if (list.FirstOrDefault(q => q.Length > ObservationSettings.QuestionMaxLength) is { } tooLong)
            {
                errors.Add(new(field, $"Each focus question must be {ObservationSettings.QuestionMaxLength} characters or fewer; \"{tooLong[..40]}…\" is {tooLong.Length}"));
            }
        }
        return errors;
    }

    /// <summary>Saves the settings; nothing is saved when there are errors.</summary>
    /// A form opened at <paramref name="revision"/> (none: writes over what is stored) is refused with a conflict if someone saved since.
    public async Task<IReadOnlyList<FieldError>> UpdateAsync(int schoolId, ObservationSettingsInput input, int? revision = null, Recorder? by = null,
        CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        var settings = await db.ObservationSettings.SingleOrDefaultAsync(s => s.SchoolId == schoolId, cancellationToken);
        if (settings is null)
        {
            settings = ObservationSettingsDefaults.For(schoolId);
            db.ObservationSettings.Add(settings);
        }
        if (Revisions.Check(db, settings, revision, by, clock.UtcNow) is { } stale)
        {
            return [stale];
        }
        settings.ShareSltRecords = input.ShareSltRecords;
        settings.ShareMiddleLeaderRecords = input.ShareMiddleLeaderRecords;
        settings.ShareTeacherRecords = input.ShareTeacherRecords;
        settings.SharePastoralRecords = input.SharePastoralRecords;
        settings.ShareSupportRecords = input.ShareSupportRecords;
        settings.RecordJudgements = input.RecordJudgements;
        settings.MaxObserversPerLesson = input.MaxObserversPerLesson;
        settings.MaxVisitsPerObservee = input.MaxVisitsPerObservee;
        settings.LearningWalkQuestions = Clean(input.LearningWalkQuestions);
        settings.LessonObservationQuestions = Clean(input.LessonObservationQuestions);
        settings.DropInQuestions = Clean(input.DropInQuestions);
        settings.UpdatedAt = clock.UtcNow;
        if (db.Entry(settings).State == EntityState.Added)
        {
            // The defaults are revision 0; the school's own copy starts at 1, so a form opened on the defaults is stale after it.
            settings.Revision = 1;
        }
        return await Revisions.SaveAsync(db, settings, cancellationToken) is { } lost ? [lost] : [];
    }

    private static List<string> Clean(IEnumerable<string?> questions) =>
        questions.Select(q => q?.Trim() ?? "").Where(q => q.Length > 0).ToList();
}
