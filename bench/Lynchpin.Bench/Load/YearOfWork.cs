using Lynchpin.Bench.Profile;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Bench.Load;

/// <summary>
/// A school year of appraisals and observations for every school of a <see cref="ProfileGenerator"/>'s data, as the app's
/// entities with their ids: each school's appraisal cycle, everyone's appraisal (three objectives, agreed in the autumn,
/// a mid-year review in the spring with some objectives at risk and their support plans, a final review in the summer, a
/// few reopened, pay recommendations for some teachers); a one-week timetable of five periods (teachers and teaching
/// assistants), observers (senior leaders, pastoral and support staff, a few teachers), three learning-walk rotas and
/// the records made of most visits, plus leaders' drop-ins. Deterministic from its own seed.
/// </summary>
public sealed class YearOfWork
{
    public const int Seed = 20261207;
    private const double DraftRate = 0.04, NotAgreedRate = 0.02, MidYearRate = 0.95, FinalRate = 0.93, ReopenRate = 0.01, RecordRate = 0.88;

    private static readonly (string Period, TimeOnly Start, TimeOnly End)[] Periods =
    [
        ("1", new(8, 50), new(9, 50)), ("2", new(9, 50), new(10, 50)), ("3", new(11, 10), new(12, 10)),
        ("4", new(12, 10), new(13, 10)), ("5", new(14, 0), new(15, 0)),
    ];

    private static readonly DayOfWeek[] Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly string[] SecondarySubjects =
        ["English", "Mathematics", "Science", "History", "Geography", "French", "Art", "Music", "Physical education", "Computing", "Religious education", "Design and technology"];

    private static readonly string[] PrimarySubjects =
        ["English", "Mathematics", "Science", "History", "Geography", "Art", "Music", "Physical education", "Computing", "Religious education"];

    private static readonly string[] Answers =
    [
        "Pupils were explaining their reasoning to a partner before writing it down.",
        "Most of the class could say what they were learning and why.",
        "Retrieval questions at the start; nearly every pupil answered without their book.",
        "Pupils used the new vocabulary accurately when they talked about the text.",
        "The teaching assistant's group worked on the same task with a scaffold.",
        "From their books: the last three pieces show steady improvement in paragraphing.",
        "Cold-calling checked understanding of the whole class, not just volunteers.",
        "A few pupils at the back were not sure what to do after the first task.",
        "More time on the worked example before independent practice.",
        "Modelling the second step again for the pupils who were stuck.",
    ];

    private static readonly string[] Notes =
    [
        "Calm start; routines well established.",
        "Good use of mini whiteboards to check every pupil's answer.",
        "Behaviour for learning strong; two pupils needed reminders.",
    ];

    private readonly ProfileGenerator people;
    private readonly Random random = new(Seed);
    private int appraisalId, objectiveId, reviewId, ratingId, planId, payId, rowId, observerId, rotaId, visitId, recordId;

    public YearOfWork(ProfileGenerator people, int year)
    {
        this.people = people;
        Year = year;
        foreach (var school in people.Schools)
        {
            Appraise(school);
            Observe(school);
        }
    }

    public int Year { get; }
    public List<AppraisalCycle> Cycles { get; } = [];
    public List<Appraisal> Appraisals { get; } = [];
    public List<Objective> Objectives { get; } = [];
    public List<SupportPlan> SupportPlans { get; } = [];
    public List<AppraisalReview> Reviews { get; } = [];
    public List<ObjectiveRating> Ratings { get; } = [];
    public List<PayRecommendation> Pay { get; } = [];
    public List<ObservationSettings> Settings { get; } = [];
    public List<TimetableRow> Timetable { get; } = [];
    public List<RotaObserver> Observers { get; } = [];
    public List<ObservationRota> Rotas { get; } = [];
    public List<RotaVisit> Visits { get; } = [];
    public List<ObservationRecord> Records { get; } = [];

    private StaffRow Person(int id) => people.Staff[id - 1];

    private static DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    private DateOnly SchoolDay(DateOnly from, int withinDays)
    {
        var day = from.AddDays(random.Next(withinDays));
        return day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
    }

    private int HeadOf(SchoolRow school) => people.StaffIdsOf(school.Id).FirstOrDefault(id => Person(id).Slt);

    // ------------------------------------------------------------------------------------------------ appraisal

    private void Appraise(SchoolRow school)
    {
        var head = HeadOf(school);
        if (head == 0)
        {
            return;
        }
        var headName = ProfileEntities.FullName(head);
        var due = CycleDueDates.Default(Year);
        var opened = new DateOnly(Year, 9, 8);
        var cycle = new AppraisalCycle
        {
            Id = Cycles.Count + 1,
            SchoolId = school.Id,
            Year = Year,
            ObjectivesDue = due.ObjectivesDue,
            MidYearDue = due.MidYearDue,
            FinalDue = due.FinalDue,
            OpenedAt = At(opened, 7, 10),
            OpenedByName = headName,
        };
        Cycles.Add(cycle);
        foreach (var id in people.StaffIdsOf(school.Id))
        {
            var person = Person(id);
            var joinsLater = person.Start > opened && person.Start <= SchoolYear.End(Year);
            if (!person.InPostOn(opened) && !joinsLater)
            {
                continue;
            }
            var joined = joinsLater ? person.Start!.Value : opened;
            int? appraiser = person.LineManagerId is int m && Person(m).InPostOn(joined) ? m : null;
            var appraiserName = appraiser is int a ? ProfileEntities.FullName(a) : headName;
            var appraisal = new Appraisal { Id = ++appraisalId, CycleId = cycle.Id, StaffMemberId = id, AppraiserId = appraiser, CreatedAt = At(joined, 7, 10) };
            Appraisals.Add(appraisal);
            var objectives = ObjectivesFor(appraisal, person);

            var r = random.NextDouble();
            if (r < DraftRate)
            {
                continue;
            }
            if (r < DraftRate + NotAgreedRate)
            {
                appraisal.ObjectivesStatus = ObjectivesStatus.NotAgreed;
                appraisal.NotAgreedReason = "The pupil-progress target does not allow for the group's attendance; I would like it looked at again.";
            }
            else
            {
                appraisal.ObjectivesStatus = ObjectivesStatus.Agreed;
                appraisal.AgreedAt = At(joined.AddDays(14 + random.Next(30)), 15, random.Next(60));
            }

            var midYearDate = SchoolDay(new DateOnly(Year + 1, 1, 26), 24);
            if (!person.InPostOn(midYearDate) || random.NextDouble() >= MidYearRate)
            {
                continue;
            }
            var midYear = Review(appraisal.Id, ReviewKind.MidYear, midYearDate);
            foreach (var objective in objectives)
            {
                var rating = Pick((Rating.OnTrack, 0.85), (Rating.AtRisk, 0.11), (Rating.OffTrack, 0.04));
                Rate(midYear, objective, rating);
                if (rating != Rating.OnTrack && random.NextDouble() < 0.7)
                {
                    SupportPlans.Add(new SupportPlan
                    {
                        Id = ++planId,
                        ObjectiveId = objective.Id,
                        Actions = "Fortnightly coaching with the lead practitioner; a learning walk with the phase leader; look at the group's data again in six weeks.",
                        CoachId = appraiser,
                        ReviewBy = midYearDate.AddDays(42),
                        CreatedAt = At(midYearDate.AddDays(1), 16, 20),
                        CreatedByName = appraiserName,
                    });
                }
            }
            midYear.AppraiserComments = "A good start on every objective; the group's reading ages are moving.";
            midYear.AppraiseeComments = "Agreed. I would like to visit another school's intervention groups this term.";
            Sign(midYear, midYearDate, appraiserName, 0.90, 0.05);

            var finalDate = SchoolDay(new DateOnly(Year + 1, 6, 22), 16);
            if (!person.InPostOn(finalDate) || random.NextDouble() >= FinalRate)
            {
                continue;
            }
            var final = Review(appraisal.Id, ReviewKind.Final, finalDate);
            foreach (var objective in objectives)
            {
                Rate(final, objective, Pick((Rating.Met, 0.80), (Rating.PartlyMet, 0.15), (Rating.NotMet, 0.05)));
            }
            final.OverallComments = "A strong year: the objectives were met and the work with the intervention group is worth sharing.";
            final.AppraiserComments = "Thank you for the work on the group's reading.";
            final.AppraiseeComments = "Thank you; next year I would like to lead the training on it.";
            final.Reflection = "The coaching helped most. I want to keep the weekly check-ins next year.";
            Sign(final, finalDate, appraiserName, 0.88, 0.06);
            if (final.IsLocked && random.NextDouble() < ReopenRate)
            {
                Reopen(final, finalDate.AddDays(7), appraiserName);
            }
            if (person.Family == RoleFamily.Teaching && final.IsLocked && random.NextDouble() < 0.3)
            {
                Pay.Add(new PayRecommendation
                {
                    Id = ++payId,
                    AppraisalId = appraisal.Id,
                    Text = "Progress one point on the main pay range from 1 September.",
                    RecordedAt = At(finalDate.AddDays(5), 17, 10),
                    RecordedByName = headName,
                });
            }
        }
    }

    private List<Objective> ObjectivesFor(Appraisal appraisal, StaffRow person)
    {
        var teaching = person.Family == RoleFamily.Teaching;
        var list = new List<Objective>
        {
            new()
            {
                Id = ++objectiveId, AppraisalId = appraisal.Id, SortOrder = 1,
                Type = teaching || random.NextDouble() < 0.85 ? ObjectiveType.PupilProgress : ObjectiveType.RoleSpecific,
                Title = teaching ? "Raise attainment in my Year 9 group" : "Support the reading intervention group",
                SuccessCriteria = "80% of the group on or above their target by July; reading ages up by 12 months on average.",
                PupilGroup = teaching ? "Year 9 set 3" : "Year 7 reading group", Measure = "reading age", Baseline = "9 years 2 months", Target = "10 years 2 months",
            },
            new()
            {
                Id = ++objectiveId, AppraisalId = appraisal.Id, SortOrder = 2, Type = ObjectiveType.ProfessionalDevelopment,
                Title = "Complete the trust's coaching course", SuccessCriteria = "All 6 sessions attended by 31 March; two coaching conversations recorded.",
            },
            new()
            {
                Id = ++objectiveId, AppraisalId = appraisal.Id, SortOrder = 3,
                Type = teaching ? ObjectiveType.SchoolPriority : ObjectiveType.RoleSpecific,
                Title = teaching ? "Attendance: every pupil, every day" : "Keep the records up to date",
                SuccessCriteria = "Persistent absence in my tutor group below 12% by the end of the summer term.",
                SchoolPriority = teaching ? "Attendance" : null,
            },
        };
        Objectives.AddRange(list);
        return list;
    }

    private AppraisalReview Review(int appraisalId, ReviewKind kind, DateOnly on)
    {
        var review = new AppraisalReview { Id = ++reviewId, AppraisalId = appraisalId, Kind = kind, RecordedAt = At(on.AddDays(-3), 16) };
        Reviews.Add(review);
        return review;
    }

    private void Rate(AppraisalReview review, Objective objective, Rating rating)
    {
        var r = new ObjectiveRating
        {
            Id = ++ratingId,
            ReviewId = review.Id,
            ObjectiveId = objective.Id,
            Rating = rating,
            Comment = rating is Rating.OnTrack or Rating.Met ? "On the evidence of the half-term data." : "Behind where we hoped; see the support plan.",
        };
        review.Ratings.Add(r);
        Ratings.Add(r);
    }

    private void Sign(AppraisalReview review, DateOnly on, string appraiserName, double both, double appraiserOnly)
    {
        var r = random.NextDouble();
        if (r < both + appraiserOnly)
        {
            review.AppraiserSignedAt = At(on, 16, 30);
            review.AppraiserSignedByName = appraiserName;
        }
        if (r < both)
        {
            review.AppraiseeSignedAt = At(on.AddDays(random.Next(1, 5)), 8, 15);
        }
    }

    /// <summary>As a reopen does: the locked version stays as history and a new current one copies it, signed again.</summary>
    private void Reopen(AppraisalReview locked, DateOnly on, string appraiserName)
    {
        locked.IsCurrent = false;
        var again = new AppraisalReview
        {
            Id = ++reviewId,
            AppraisalId = locked.AppraisalId,
            Kind = locked.Kind,
            Version = locked.Version + 1,
            AppraiserComments = locked.AppraiserComments,
            AppraiseeComments = locked.AppraiseeComments,
            OverallComments = locked.OverallComments,
            Reflection = locked.Reflection,
            ReopenedAt = At(on, 9),
            ReopenedByName = appraiserName,
            ReopenReason = "The published results came in after we signed: the pupil-progress objective was met.",
            RecordedAt = At(on, 9),
            AppraiserSignedAt = At(on.AddDays(1), 16),
            AppraiserSignedByName = appraiserName,
            AppraiseeSignedAt = At(on.AddDays(2), 8),
        };
        Reviews.Add(again);
        foreach (var rating in locked.Ratings)
        {
            Ratings.Add(new ObjectiveRating { Id = ++ratingId, ReviewId = again.Id, ObjectiveId = rating.ObjectiveId, Rating = Rating.Met, Comment = rating.Comment });
        }
    }

    private T Pick<T>(params (T Value, double Share)[] choices)
    {
        var r = random.NextDouble();
        foreach (var (value, share) in choices)
        {
            if ((r -= share) < 0)
            {
                return value;
            }
        }
        return choices[0].Value;
    }

    // ------------------------------------------------------------------------------------------------ observations

    private void Observe(SchoolRow school)
    {
        var head = HeadOf(school);
        if (head == 0)
        {
            return;
        }
        var settings = ObservationSettingsDefaults.For(school.Id);
        settings.Id = Settings.Count + 1;
        Settings.Add(settings);

        // The timetable as imported in January.
        var snapshot = new DateOnly(Year + 1, 1, 15);
        var staff = people.StaffIdsOf(school.Id).Where(id => Person(id).InPostOn(snapshot)).ToList();
        var teachers = staff.Where(id => Person(id).Family == RoleFamily.Teaching).ToList();
        var primary = school.Phase is "Primary" or "Nursery" or "Special";
        string[] years = school.Phase switch
        {
            "Primary" => ["R", "1", "2", "3", "4", "5", "6"],
            "Nursery" => ["N", "R"],
            "Special" => ["3", "5", "7", "9", "11"],
            "Secondary" => ["7", "8", "9", "10", "11", "12", "13"],
            _ => ["R", "2", "4", "6", "7", "8", "9", "10", "11", "12", "13"],
        };
        var lessons = new List<TimetableRow>();
        var busy = new HashSet<(int, DayOfWeek, string)>();
        for (var t = 0; t < teachers.Count; t++)
        {
            var teacher = teachers[t];
            var room = $"R{t + 1}";
            var ownYear = years[t % years.Length];
            foreach (var day in Days)
            {
                foreach (var (period, start, end) in Periods)
                {
                    // Primary teachers teach their own class most of the day; secondary teachers 20 of 25 periods, to any year.
                    if (random.NextDouble() < (primary ? 0.12 : 0.2))
                    {
                        continue;
                    }
                    var year = primary ? ownYear : years[random.Next(years.Length)];
                    var subject = primary ? PrimarySubjects[random.Next(PrimarySubjects.Length)] : SecondarySubjects[t % SecondarySubjects.Length];
                    var row = new TimetableRow
                    {
                        Id = ++rowId,
                        SchoolId = school.Id,
                        Week = TimetableWeek.Every,
                        Day = day,
                        Period = period,
                        Start = start,
                        End = end,
                        StaffMemberId = teacher,
                        Class = primary ? $"{ownYear}{(char)('A' + t / years.Length % 26)}" : $"{year}{"XY"[random.Next(2)]}{random.Next(1, 6)}",
                        Subject = subject,
                        YearGroup = year,
                        Room = room,
                    };
                    lessons.Add(row);
                    busy.Add((teacher, day, period));
                }
            }
        }
        Timetable.AddRange(lessons);
        // Teaching assistants in ten lessons a week each.
        foreach (var ta in staff.Where(id => Person(id).Family == RoleFamily.LearningSupport))
        {
            for (var k = 0; k < 10 && lessons.Count > 0; k++)
            {
                var lesson = lessons[random.Next(lessons.Count)];
                if (busy.Add((ta, lesson.Day, lesson.Period)))
                {
                    Timetable.Add(new TimetableRow
                    {
                        Id = ++rowId,
                        SchoolId = school.Id,
                        Week = lesson.Week,
                        Day = lesson.Day,
                        Period = lesson.Period,
                        Start = lesson.Start,
                        End = lesson.End,
                        StaffMemberId = ta,
                        Class = lesson.Class,
                        Subject = lesson.Subject,
                        YearGroup = lesson.YearGroup,
                        Room = lesson.Room,
                    });
                }
            }
        }
        if (lessons.Count == 0)
        {
            return;
        }

        // Observers: the senior leaders, pastoral staff with a year group each, two teaching assistants and two teachers.
        var observers = new List<(int Id, int Visits, string? Focus, ObserverKind Kind)>();
        void AddObservers(IEnumerable<int> ids, int visits, bool focus)
        {
            foreach (var id in ids)
            {
                var p = Person(id);
                var kind = ObserverKinds.Of(p.Slt, p.Family, ProfileGenerator.JobTitle(p.Family, p.Slt));
                var year = focus ? years[observers.Count % years.Length] : null;
                observers.Add((id, visits, year, kind));
                Observers.Add(new RotaObserver { Id = ++observerId, SchoolId = school.Id, StaffMemberId = id, Visits = visits, FocusYearGroup = year });
            }
        }
        AddObservers(staff.Where(id => Person(id).Slt).Take(4), 4, false);
        AddObservers(staff.Where(id => Person(id).Family is RoleFamily.Pastoral or RoleFamily.Inclusion).Take(4), 4, true);
        AddObservers(staff.Where(id => Person(id).Family == RoleFamily.LearningSupport).Take(2), 3, false);
        AddObservers(teachers.Where(id => !Person(id).Slt).Take(2), 2, false);

        var headName = ProfileEntities.FullName(head);
        var terms = new[]
        {
            (From: new DateOnly(Year, 11, 3), To: new DateOnly(Year, 12, 12)),
            (From: new DateOnly(Year + 1, 2, 23), To: new DateOnly(Year + 1, 3, 27)),
            (From: new DateOnly(Year + 1, 6, 1), To: new DateOnly(Year + 1, 7, 10)),
        };
        foreach (var (from, to) in terms)
        {
            var rota = new ObservationRota
            {
                Id = ++rotaId,
                SchoolId = school.Id,
                Kind = ObservationKind.LearningWalk,
                From = from,
                To = to,
                MaxVisitsPerObservee = 2,
                MaxObserversPerLesson = 1,
                Status = RotaStatus.Optimal,
                Objective = 1_043_999_847_071,
                BestBound = 1_043_999_847_071,
                Gap = 0,
                SolveTime = TimeSpan.FromSeconds(1.2),
                CreatedAt = At(from.AddDays(-14), 16),
                CreatedByName = headName,
            };
            Rotas.Add(rota);
            var visitsTo = new Dictionary<int, int>();
            foreach (var (observer, count, _, kind) in observers)
            {
                for (var v = 0; v < count; v++)
                {
                    var lesson = lessons[random.Next(lessons.Count)];
                    if (lesson.StaffMemberId == observer || visitsTo.GetValueOrDefault(lesson.StaffMemberId) >= 2)
                    {
                        continue;
                    }
                    visitsTo[lesson.StaffMemberId] = visitsTo.GetValueOrDefault(lesson.StaffMemberId) + 1;
                    var weeks = (to.DayNumber - from.DayNumber) / 7;
                    var date = from.AddDays(random.Next(weeks) * 7 + ((int)lesson.Day - (int)from.DayOfWeek + 7) % 7);
                    var visit = new RotaVisit
                    {
                        Id = ++visitId,
                        RotaId = rota.Id,
                        Date = date,
                        Week = lesson.Week,
                        Period = lesson.Period,
                        Start = lesson.Start,
                        End = lesson.End,
                        ObserverId = observer,
                        ObserverKind = kind,
                        ObserveeId = lesson.StaffMemberId,
                        Class = lesson.Class,
                        Subject = lesson.Subject,
                        YearGroup = lesson.YearGroup,
                        Room = lesson.Room,
                    };
                    Visits.Add(visit);
                    if (random.NextDouble() < RecordRate)
                    {
                        Record(settings, school.Id, visit.Id, ObservationKind.LearningWalk, observer, kind, lesson, date);
                    }
                }
            }
            // Leaders' drop-ins, off the rota.
            foreach (var (observer, _, _, kind) in observers.Where(o => o.Kind == ObserverKind.Slt))
            {
                for (var d = 0; d < 4; d++)
                {
                    var lesson = lessons[random.Next(lessons.Count)];
                    if (lesson.StaffMemberId != observer)
                    {
                        var date = from.AddDays(((int)lesson.Day - (int)from.DayOfWeek + 7) % 7 + 7 * random.Next((to.DayNumber - from.DayNumber) / 7));
                        Record(settings, school.Id, null, ObservationKind.DropIn, observer, kind, lesson, date);
                    }
                }
            }
        }
    }

    private void Record(ObservationSettings settings, int schoolId, int? visit, ObservationKind kind, int observer, ObserverKind observerKind, TimetableRow lesson, DateOnly date)
    {
        var questions = settings.QuestionsFor(kind);
        Records.Add(new ObservationRecord
        {
            Id = ++recordId,
            SchoolId = schoolId,
            VisitId = visit,
            Kind = kind,
            ObserverId = observer,
            ObserverKind = observerKind,
            ObserveeId = lesson.StaffMemberId,
            Date = date,
            Period = lesson.Period,
            TimeFrom = lesson.Start,
            TimeTo = lesson.Start.AddMinutes(20),
            Class = lesson.Class,
            Subject = lesson.Subject,
            YearGroup = lesson.YearGroup,
            Questions = [.. questions],
            Answers = [.. questions.Select(_ => Answers[random.Next(Answers.Length)])],
            Notes = random.NextDouble() < 0.5 ? Notes[random.Next(Notes.Length)] : null,
            SharedWithObservee = settings.Shares(observerKind),
            CreatedAt = At(date, 16),
            UpdatedAt = At(date, 16),
            CreatedByName = ProfileEntities.FullName(observer),
        });
    }
}
