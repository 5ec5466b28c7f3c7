using System.Globalization;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Observations;

/// <summary>
/// What an observer writes. For a visit on a rota, the observer and observee must be the visit's and the kind is the
/// rota's; empty period, class, subject and year group are taken from the visit. <see cref="Answers"/> line up with
/// the school's focus questions for the kind.
/// </summary>
public sealed record ObservationInput
{
    public int? VisitId { get; init; }
    public ObservationKind Kind { get; init; }
    public int ObserverId { get; init; }
    public int ObserveeId { get; init; }
    public DateOnly? Date { get; init; }
    public string? Period { get; init; }
    public TimeOnly? TimeFrom { get; init; }
    public TimeOnly? TimeTo { get; init; }
    public string? Class { get; init; }
    public string? Subject { get; init; }
    public string? YearGroup { get; init; }
    public IReadOnlyList<string?> Answers { get; init; } = [];
    public string? Notes { get; init; }
    public string? Judgement { get; init; }
}

/// <summary>
/// Records of learning walks, observations and drop-ins. Whether the observed person sees a record is decided when it is
/// made, from the school's setting for the observer's kind (see <see cref="ObserverKinds"/>), and does not change when
/// the record is edited or the setting changes later. Callers check who may record (the observer, or a leader) first.
/// </summary>
public class ObservationRecords(LynchpinDbContext db, SchoolClock clock)
{
    public async Task<Result<ObservationRecord>> CreateAsync(int schoolId, ObservationInput input, Recorder recordedBy,
        CancellationToken cancellationToken = default)
    {
        var settings = await ObservationSettingsEditor.LoadAsync(db, schoolId, cancellationToken);
        var errors = new List<FieldError>();
        RotaVisit? visit = null;
        var kind = input.Kind;
        if (input.VisitId is { } visitId)
        {
            visit = await db.RotaVisits.Include(v => v.Rota).AsNoTracking()
                .SingleOrDefaultAsync(v => v.Id == visitId && v.Rota.SchoolId == schoolId, cancellationToken);
            if (visit is null)
            {
                return Result<ObservationRecord>.Fail(nameof(input.VisitId), "There is no such visit at this school");
            }
            if (await db.ObservationRecords.AnyAsync(r => r.VisitId == visitId, cancellationToken))
            {
                return Result<ObservationRecord>.Fail(nameof(input.VisitId), "This visit is already recorded; edit that record instead");
            }
            if (input.ObserverId != visit.ObserverId)
            {
                errors.Add(new(nameof(input.ObserverId), "Only the visit's observer can record it"));
            }
            if (input.ObserveeId != visit.ObserveeId)
            {
                errors.Add(new(nameof(input.ObserveeId), "The person observed must be the one whose lesson the visit is in"));
            }
            kind = visit.Rota.Kind;
        }

        var people = await db.StaffMembers.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && (s.Id == input.ObserverId || s.Id == input.ObserveeId))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var observer = people.GetValueOrDefault(input.ObserverId);
        if (observer is null)
        {
            errors.Add(new(nameof(input.ObserverId), "Choose the observer from the school's staff"));
        }
        if (!people.ContainsKey(input.ObserveeId))
        {
            errors.Add(new(nameof(input.ObserveeId), "Choose the person observed from the school's staff"));
        }
        else if (input.ObserveeId == input.ObserverId)
        {
            errors.Add(new(nameof(input.ObserveeId), "Nobody can observe their own lesson"));
        }
        var questions = settings.QuestionsFor(kind);
        var content = Validate(input, questions, settings, visit, errors);
        if (errors.Count > 0)
        {
            return Result<ObservationRecord>.Fail(errors);
        }

        var observerKind = ObserverKinds.Of(observer!);
        var now = clock.UtcNow;
        var record = new ObservationRecord
        {
            SchoolId = schoolId,
            VisitId = visit?.Id,
            Kind = kind,
            ObserverId = input.ObserverId,
            ObserverKind = observerKind,
            ObserveeId = input.ObserveeId,
            Questions = [.. questions],
            SharedWithObservee = settings.Shares(observerKind),
            CreatedAt = now,
            CreatedByUserId = recordedBy.UserId,
            CreatedByName = recordedBy.Name.Length <= ObservationRota.NameMaxLength ? recordedBy.Name : recordedBy.Name[..ObservationRota.NameMaxLength],
        };
        content.ApplyTo(record, now);
        db.ObservationRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (visit is not null)
        {
            // Two saves of one visit at once: the unique index let one through.
            db.Entry(record).State = EntityState.Detached;
            if (!await db.ObservationRecords.AnyAsync(r => r.VisitId == visit.Id, cancellationToken))
            {
                throw;
            }
            return Result<ObservationRecord>.Fail(nameof(input.VisitId), "This visit is already recorded; edit that record instead");
        }
        return Result<ObservationRecord>.Done(record);
    }

    /// <summary>
    /// Changes what a record says. The observer, observee, visit, kind, questions and sharing stay as they were made;
    /// only the content in <paramref name="input"/> (date, time, lesson details, answers, notes, judgement) is used.
    /// </summary>
    /// <summary>Saves the form opened at <paramref name="revision"/> (none: writes over what is stored); a conflict if someone saved it since.</summary>
    public async Task<Result<ObservationRecord>> UpdateAsync(int recordId, ObservationInput input, int? revision = null, Recorder? by = null,
        CancellationToken cancellationToken = default)
    {
        var record = await db.ObservationRecords.SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return Result<ObservationRecord>.Fail("Record", "There is no such record");
        }
        var settings = await ObservationSettingsEditor.LoadAsync(db, record.SchoolId, cancellationToken);
        var visit = record.VisitId is { } visitId
            ? await db.RotaVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken)
            : null;
        var errors = new List<FieldError>();
        var content = Validate(input, record.Questions, settings, visit, errors);
        if (errors.Count > 0)
        {
            return Result<ObservationRecord>.Fail(errors);
        }
        if (Revisions.Check(db, record, revision, by, clock.UtcNow) is { } stale)
        {
            return Result<ObservationRecord>.Fail(stale);
        }
        content.ApplyTo(record, clock.UtcNow);
        return await Revisions.SaveAsync(db, record, cancellationToken) is { } lost
            ? Result<ObservationRecord>.Fail(lost)
            : Result<ObservationRecord>.Done(record);
    }

    /// <summary>The focus questions the school asks for a kind of observation now (a new record's questions).</summary>
    public async Task<IReadOnlyList<string>> QuestionsAsync(int schoolId, ObservationKind kind, CancellationToken cancellationToken = default) =>
        (await ObservationSettingsEditor.LoadAsync(db, schoolId, cancellationToken)).QuestionsFor(kind);

    private Content Validate(ObservationInput input, IReadOnlyList<string> questions, ObservationSettings settings, RotaVisit? visit,
        List<FieldError> errors)
    {
        var today = clock.Today;
        var date = input.Date ?? visit?.Date;
        if (date is null)
        {
            errors.Add(new(nameof(input.Date), "Enter the date of the visit"));
        }
        else if (date > today)
        {
            errors.Add(new(nameof(input.Date), "The date of the visit cannot be in the future; record a visit once it has happened"));
        }
        else if (date == today && (input.TimeFrom ?? visit?.Start) is TimeOnly start && start > TimeOnly.FromDateTime(clock.LocalNow))
        {
            // A lesson later today has not happened yet either.
            errors.Add(new(input.TimeFrom is null ? nameof(input.Date) : nameof(input.TimeFrom),
                $"The lesson starts at {start.ToString("HH:mm", CultureInfo.InvariantCulture)} today; record it once it has started"));
        }
        if (input.TimeFrom is { } from && input.TimeTo is { } to && to <= from)
        {
            errors.Add(new(nameof(input.TimeTo),
                $"The time you left ({to.ToString("HH:mm", CultureInfo.InvariantCulture)}) must be after the time you arrived ({from.ToString("HH:mm", CultureInfo.InvariantCulture)})"));
        }

        string? Text(string field, string? value, string? fromVisit, int maxLength, string what)
        {
            var text = string.IsNullOrWhiteSpace(value) ? fromVisit : value.Trim();
            text = string.IsNullOrEmpty(text) ? null : text;
            if (text?.Length > maxLength)
            {
                errors.Add(new(field, $"{what} must be {maxLength} characters or fewer"));
            }
            return text;
        }
        var period = Text(nameof(input.Period), input.Period, visit?.Period, TimetableRow.PeriodMaxLength, "The period");
        var @class = Text(nameof(input.Class), input.Class, visit?.Class, TimetableRow.ClassMaxLength, "The class");
        var subject = Text(nameof(input.Subject), input.Subject, visit?.Subject, TimetableRow.SubjectMaxLength, "The subject");
        var yearText = Text(nameof(input.YearGroup), input.YearGroup, visit?.YearGroup, TimetableRow.YearGroupMaxLength, "The year group");
        string? yearGroup = null;
        if (yearText is not null)
        {
            if (TimetableValues.TryParseYearGroup(yearText, allowMixed: true, out var parsed))
            {
                yearGroup = parsed;
            }
            else
            {
                errors.Add(new(nameof(input.YearGroup), $"Enter a year group: {TimetableValues.YearGroupSpellings}, or 5/6 for a mixed-year class"));
            }
        }

        if (input.Answers.Count > questions.Count)
        {
            errors.Add(new(nameof(input.Answers), $"There are {questions.Count} focus questions but {input.Answers.Count} answers"));
        }
        var answers = questions.Select((_, i) => i < input.Answers.Count ? input.Answers[i]?.Trim() ?? "" : "").ToList();
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i].Length > ObservationRecord.AnswerMaxLength)
            {
                errors.Add(new($"{nameof(input.Answers)}[{i}]", $"The answer to \"{questions[i]}\" must be {ObservationRecord.AnswerMaxLength} characters or fewer"));
            }
        }
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes?.Length > ObservationRecord.NotesMaxLength)
        {
            errors.Add(new(nameof(input.Notes), $"Notes on learning must be {ObservationRecord.NotesMaxLength} characters or fewer"));
        }
        if (notes is null && answers.All(a => a.Length == 0))
        {
            errors.Add(new(nameof(input.Answers), "Answer at least one focus question, or write notes on learning"));
        }
        var judgement = string.IsNullOrWhiteSpace(input.Judgement) ? null : input.Judgement.Trim();
        if (judgement is not null && !settings.RecordJudgements)
        {
            errors.Add(new(nameof(input.Judgement), "This school does not record judgements; write about learning in the notes instead"));
        }
        else if (judgement?.Length > ObservationRecord.JudgementMaxLength)
        {
            errors.Add(new(nameof(input.Judgement), $"The judgement must be {ObservationRecord.JudgementMaxLength} characters or fewer"));
        }
        return new Content(date ?? today, period, input.TimeFrom, input.TimeTo, @class, subject, yearGroup, answers, notes, judgement);
    }

    private sealed record Content(DateOnly Date, string? Period, TimeOnly? TimeFrom, TimeOnly? TimeTo, string? Class, string? Subject,
        string? YearGroup, List<string> Answers, string? Notes, string? Judgement)
    {
        public void ApplyTo(ObservationRecord record, DateTime now)
        {
            record.Date = Date;
            record.Period = Period;
            record.TimeFrom = TimeFrom;
            record.TimeTo = TimeTo;
            record.Class = Class;
            record.Subject = Subject;
            record.YearGroup = YearGroup;
            record.Answers = Answers;
            record.Notes = Notes;
            record.Judgement = Judgement;
            record.UpdatedAt = now;
        }
    }
}
