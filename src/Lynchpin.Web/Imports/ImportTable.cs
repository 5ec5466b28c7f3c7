using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Careers;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Pay;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;
using Lynchpin.Core.Staff;

namespace Lynchpin.Web.Imports;

/// <summary>
/// Every import into a school: one row each, from which the upload page and the <c>import</c> command are built. A new
/// import is a row mapper in Core (a <see cref="SchoolImporter{TRow}"/>) and a row here.
/// </summary>
public static class ImportTable
{
    public static readonly SchoolImport Staff = new("staff", typeof(StaffImporter), StaffImportColumns.All)
    {
        CommandHelp = "Import (or update by staff_ref) a school's staff, all or nothing.",
        CommandSummary = r => $"Imported staff: {r.Created} created, {r.Updated} updated, {r.Unchanged} unchanged.",
        Route = SchoolRoute,
        Noun = "staff",
        RowsAre = "one row per person",
        Help =
        [
            $"role_family is one of: {string.Join(", ", RoleFamilies.All.Select(f => f.Code()))}",
            "qts and slt are yes or no; dates are written like 2025-09-01 or 01/09/2025 (day first)",
            "line_manager_ref and coach_ref name a staff reference in the file or already in Lynchpin; a coach in another school of the trust is written URN:REF",
            "people already in Lynchpin are updated by their staff reference",
        ],
        Done = (url, school) => url.To<Pages.Staff.IndexModel>(new { school = school.Urn }),
        PageSummary = r => $"Staff imported: {r.Created} added, {r.Updated} updated, {r.Unchanged} unchanged.",
    };

    public static readonly SchoolImport Assessments = new("assessments", typeof(AssessmentImporter), AssessmentImportColumns.All)
    {
        CommandHelp = "Import a school's assessments (staff_ref, year, checkpoint, stage, assessed_on, assessor_ref, note), all or nothing.",
        CommandSummary = r => $"Imported assessments: {r.Created} added, {r.Updated} corrected (a new version each), {r.Unchanged} unchanged.",
        Route = SchoolRoute,
        Noun = "assessments",
        RowsAre = "one row for each person at each checkpoint",
        Help =
        [
            "staff_ref is the person's staff reference at this school",
            "year is the school year, written 2025 or 2025/26 for September 2025 to August 2026",
            $"checkpoint is 1 ({Checkpoint(1)}), 2 ({Checkpoint(2)}), 3 ({Checkpoint(3)}) or 4 ({Checkpoint(4)})",
            "stage is a stage of the progression framework, from 0 to 6",
            "assessed_on is the date of the assessment, written like 2025-10-10 or 10/10/2025: in that school year, not in the future and not before the person started",
            "assessor_ref is optional: the staff reference of the colleague who made the assessment",
            $"note is an optional short piece of evidence, up to {Assessment.NoteMaxLength} characters",
            "a row for a checkpoint that already has an assessment is a correction: the earlier version is kept in the person's history",
        ],
        Inset = $"{SchoolImport.DefaultInset} Each person may appear only once for each checkpoint of a year.",
        Done = (url, school) => url.To<Pages.Schools.ShowModel>(new { urn = school.Urn }),
        PageSummary = r => $"Assessments imported: {r.Created} added, {r.Updated} corrected, {r.Unchanged} unchanged.",
    };

    public static readonly SchoolImport Timetable = ObservationList("timetable", typeof(TimetableImporter), TimetableImportColumns.All,
        "Import (replacing) a school's timetable (week, day, period, start, end, staff_ref, class, subject, year_group, room), all or nothing.",
        "lessons",
        [
            "week is A or B of a two-week timetable; leave it empty (or leave the column out) for a lesson every week",
            "day is Monday to Friday (Mon, Tue… are fine)",
            "period is the school's own label, such as 1 to 6",
            "start and end are times written like 09:00 and 10:00, the end after the start",
            "staff_ref is the staff reference of the person in the lesson: teachers, and support staff too (a teaching assistant in a class, a cover supervisor)",
            "class is the class or teaching group, such as 9A",
            "subject, year_group (R, 1 to 13, or Year 9) and room are optional but help spread visits and match focus year groups",
            "nobody can be in two places at once: two lessons for one person in the same day and period of a week are both listed",
        ]);

    public static readonly SchoolImport Duties = ObservationList("duties", typeof(DutyImporter), DutyImportColumns.All,
        "Import (replacing) a school's duties and other unavailability (week, day, period, staff_ref, duty), all or nothing.",
        "rows",
        [
            "week is A, B or empty for every week",
            "day is Monday to Friday; period is a period label from the timetable",
            "staff_ref is the person on duty; duty says what it is (reception, student services, exam invigilation)",
            "nobody is put on a rota while on duty",
        ]);

    public static readonly SchoolImport Observers = ObservationList("observers", typeof(ObserverImporter), ObserverImportColumns.All,
        "Import (replacing) a school's observers (staff_ref, visits, year_group), all or nothing.",
        "rows",
        [
            "staff_ref is an observer: anyone on the staff, senior leaders, middle leaders, pastoral and support staff",
            $"visits is how many visits they make in each rota, 0 to {RotaObserver.MaxVisits}",
            "year_group is optional: an achievement coordinator's year, such as 9 or Year 9, whose lessons they are given first",
            "each person's observer kind (senior leader, middle leader, teacher, pastoral, support staff) comes from their staff record",
        ]);

    public static readonly SchoolImport Objectives = new("objectives", typeof(ObjectiveImporter), ObjectiveImportColumns.All)
    {
        CommandHelp = "Add objectives to a school's appraisals (staff_ref, year, title, type, success_criteria, school_priority), all or nothing.",
        CommandSummary = r => $"Imported objectives: {r.Created} added, {r.Unchanged} already there.",
        Route = "schools/{urn:int}/appraisal/import-{import}",
        Noun = "objectives",
        RowsAre = "one row for each objective",
        Help =
        [
            "staff_ref is the person's staff reference at this school",
            "year is the school year, written 2025 or 2025/26 for September 2025 to August 2026; its appraisal cycle must be open",
            $"title is a short name for the objective, up to {Objective.TitleMaxLength} characters",
            $"type is {string.Join(", ", AppraisalCodes.ObjectiveTypes.SkipLast(1).Select(t => t.Code()))} or {AppraisalCodes.ObjectiveTypes[^1].Code()}",
            "success_criteria says how you will both know the objective is met, and must be measurable: include a number, a percentage or a date",
            "school_priority is optional: the school priority the objective serves, in the school's words",
        ],
        Notes =
        [
            $"Rows add objectives, as drafts, to each person's appraisal for that year. A person's objectives must not already be agreed, and nobody may have more than {AppraisalRules.MaxObjectives}. Everyone needs a pupil-progress objective before they can agree their set. A row for an objective the person already has, word for word, is left alone.",
        ],
        // The years a file may name.
        Notice = async (db, school, ct) =>
        {
            var open = await db.AppraisalCycles.Where(c => c.SchoolId == school.Id).OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(ct);
            return open.Count == 0
                ? new ImportNotice($"No appraisal cycle is open at {school.Name} yet. Open one before importing objectives.", IsWarning: true)
                : new ImportNotice($"Open appraisal {(open.Count == 1 ? "cycle" : "cycles")}: {string.Join(", ", open.Select(SchoolYear.Name))}.", Id: "open-years");
        },
        // Those who manage the school's cycle: a file can add to anyone's appraisal.
        Operation = Operations.ManageCycle,
        Back = (url, school) => (url.To<Pages.Appraisals.Schools.DashboardModel>(new { urn = school.Urn }), $"Appraisal at {school.Name}"),
        Done = (url, school) => url.To<Pages.Appraisals.Schools.DashboardModel>(new { urn = school.Urn }),
        PageSummary = r => $"Objectives imported: {r.Created} added, {r.Unchanged} already there.",
    };

    public static readonly SchoolImport Calendar = new("calendar", typeof(CalendarImporter), CalendarImportColumns.All)
    {
        CommandHelp = "Import a school's term dates, holidays, INSET days and closures (start, end, kind, name), replacing those of the school years the file covers, all or nothing.",
        CommandSummary = r => $"Imported term dates: {r.Created} row(s), replacing {((ListImportResult)r).Replaced}.",
        Route = SchoolRoute,
        Noun = "term dates",
        RowsAre = "one row for each term, holiday, INSET day or closure",
        Help =
        [
            $"start and end are the first and last day, both included, written like {ImportValues.DateSpellings}; leave end empty for a single day",
            "kind is term, holiday, inset or closure",
            $"name is optional, up to {SchoolTermDate.NameMaxLength} characters: Autumn term, October half term, Polling day",
            "a half term is a holiday row inside a term (or a gap between two terms); terms cannot overlap, and a term stays within one school year",
            "there are no built-in bank holidays: list every day the school is closed",
        ],
        Inset = $"The file replaces the term dates of the school years it covers; other years stay as they are. {SchoolImport.DefaultInset}",
        Back = (url, school) => (url.To<Pages.Schools.TermDatesModel>(new { urn = school.Urn }), "Term dates"),
        Done = (url, school) => url.To<Pages.Schools.TermDatesModel>(new { urn = school.Urn }),
        PageSummary = r =>
        {
            var replaced = r is ListImportResult { Replaced: > 0 } list ? $", replacing {list.Replaced} before" : "";
            return $"Term dates imported: {r.Created} {(r.Created == 1 ? "row" : "rows")}{replaced}.";
        },
    };

    public static readonly SchoolImport Pupils = PupilData("pupils", typeof(PupilImporter), PupilImportColumns.All,
        "Import (or update by UPN) a school's vulnerable pupils (upn, first_name, last_name, date_of_birth, year_group, flags, la_code, entered_care_on), all or nothing.",
        "one row per pupil",
        [
            "upn is the pupil's unique pupil number: 13 characters, its check letter first",
            "date_of_birth and entered_care_on are written like 2013-05-01; entered_care_on is the day the child last entered care (empty if not known or not in care)",
            "year_group is N, R or 1 to 14",
            $"flags is a list separated by ; of {PupilFlags.AllCodes} (empty for none); the file gives each pupil's flags from today, and a flag left out ends",
            "la_code is the responsible authority's three-digit code (341) or nine-character code (E08000012); a looked-after pupil needs one",
            "carer_name, carer_contact, social_worker_name and social_worker_contact are optional columns",
            "pupils already in Lynchpin are updated by their UPN",
        ],
        r => $"{r.Created} added, {r.Updated} updated, {r.Unchanged} unchanged");

    public static readonly SchoolImport Attendance = PupilData("attendance", typeof(AttendanceImporter), AttendanceImportColumns.All,
        "Import pupils' attendance by period (upn, period_start, period_end, sessions_possible, sessions_attended, authorised, unauthorised), all or nothing.",
        "one row for each pupil and period",
        [
            "upn is the unique pupil number of a pupil already imported to this school",
            "period_start and period_end are the first and last days of the period, written like 2025-09-01; the period has ended",
            "sessions_possible, sessions_attended, authorised and unauthorised are the register's counts of sessions (two a day): attended, authorised and unauthorised add up to possible",
            "a period already imported for the pupil is replaced; a period that overlaps a stored one without matching it is refused",
        ],
        r => $"{r.Created} periods added, {r.Updated} updated, {r.Unchanged} unchanged");

    public static readonly SchoolImport Exclusions = PupilData("exclusions", typeof(ExclusionImporter), ExclusionImportColumns.All,
        "Import pupils' suspensions and permanent exclusions (upn, start, days, kind), all or nothing.",
        "one row for each suspension or exclusion",
        [
            "upn is the unique pupil number of a pupil already imported to this school",
            "start is the first day, written like 2025-11-03; days is its length in school days (1, 2.5)",
            "kind is suspension or permanent",
            "a row for a pupil's exclusion starting on the same day as a stored one corrects it",
        ],
        r => $"{r.Created} added, {r.Updated} corrected, {r.Unchanged} unchanged");

    public static readonly SchoolImport Qualifications = new("qualifications", typeof(QualificationImporter), QualificationImportColumns.All)
    {
        CommandHelp = "Import people's qualifications (staff_ref, qualification, status, date), all or nothing.",
        CommandSummary = r => $"Imported qualifications: {r.Created} added, {r.Updated} updated, {r.Unchanged} unchanged.",
        Route = SchoolRoute,
        Noun = "qualifications",
        RowsAre = "one row for each person and qualification",
        Help =
        [
            "staff_ref is the person's staff reference at this school",
            "qualification is its name or short code in any case, such as QTS, HLTA status, DSBM or CACHE Level 3 Supporting Teaching and Learning; a name Lynchpin does not know is added as the school's own",
            $"status is {QualificationImporter.Held} (date is the date gained, optional), {QualificationImporter.InProgress} (date is when it is expected) or {QualificationImporter.Required} (date is the deadline)",
            "dates are written like 2025-07-18",
            "a qualification already recorded for the person is updated, not added twice",
        ],
        Back = (url, school) => (url.To<Pages.Careers.Schools.IndexModel>(new { urn = school.Urn }), "Careers"),
        Done = (url, school) => url.To<Pages.Careers.Schools.IndexModel>(new { urn = school.Urn }),
        PageSummary = r => $"Qualifications imported: {r.Created} added, {r.Updated} updated, {r.Unchanged} unchanged.",
    };

    public static readonly SchoolImport Cpd = new("cpd", typeof(CpdImporter), CpdImportColumns.All)
    {
        CommandHelp = "Import CPD activities (activity_ref, title, kind, provider, start, end, hours, cost, staff_ref), a row per person attending, all or nothing.",
        CommandSummary = r => $"Imported CPD: {r.Created} activities added.",
        Route = SchoolRoute,
        Noun = "CPD",
        RowsAre = "one row for each person at each activity",
        Help =
        [
            "activity_ref is the school's own reference for the activity: rows with the same one are one group activity, and must agree on its title, kind, provider and dates",
            $"kind is one of: {string.Join(", ", CpdCodes.Kinds.All.Select(CpdCodes.Kinds.Code))}",
            "provider and end are optional; start and end are dates written like 2025-10-10",
            "hours and cost are that person's, such as 6 and 125.50 (no £)",
            "staff_ref is the person who took part",
            "an activity_ref already in Lynchpin is refused, so a file is not counted twice",
        ],
        Back = (url, school) => (url.To<Pages.Cpd.Schools.IndexModel>(new { urn = school.Urn }), "CPD"),
        Done = (url, school) => url.To<Pages.Cpd.Schools.IndexModel>(new { urn = school.Urn }),
        PageSummary = r => $"CPD imported: {r.Created} activities added.",
    };

    public static readonly SchoolImport Pay = new("pay", typeof(PayImporter), PayImportColumns.All)
    {
        CommandHelp = "Import people's pay by school year (staff_ref, year, scale, point, fte_salary, hours_per_week, weeks_per_year), all or nothing; audited.",
        CommandSummary = r => $"Imported pay: {r.Created} added, {r.Updated} replaced.",
        Route = SchoolRoute,
        Noun = "pay",
        RowsAre = "one row for each person and school year",
        Help =
        [
            "staff_ref is the person's staff reference at this school",
            "year is the school year, written 2025 or 2025/26 for September 2025 to August 2026",
            "scale is free text as you write it: MPS, UPS, LPS, NJC or the school's own; point is a whole number (optional)",
            "fte_salary is the full-time equivalent salary in pounds, such as 24500 (no £ or commas)",
            "hours_per_week and weeks_per_year are optional: the contract's hours, and 52 all year round or 39 for term time only",
            "a person's record for a year already in Lynchpin is replaced",
        ],
        Notes = ["Pay is private: only accounts with pay access import or read it, and every import is written to the audit trail."],
        // Pay access for the school, as reading pay needs.
        Operation = Operations.ReadPay,
        Back = (url, school) => (url.To<Pages.Pay.Schools.ParityModel>(new { urn = school.Urn }), "Parity report"),
        Done = (url, school) => url.To<Pages.Pay.Schools.ParityModel>(new { urn = school.Urn }),
        PageSummary = r => $"Pay imported: {r.Created} added, {r.Updated} replaced.",
    };

    /// <summary>In the order the command line lists them.</summary>
    public static readonly IReadOnlyList<SchoolImport> All = [Staff, Assessments, Timetable, Duties, Observers, Objectives, Calendar, Qualifications, Cpd, Pay, Pupils, Attendance, Exclusions];

    public static SchoolImport? Find(string? key) => All.FirstOrDefault(i => i.Key == key);

    private const string SchoolRoute = "schools/{urn:int}/import-{import}";

    private static string Checkpoint(int number) => SchoolYear.CheckpointName(number).ToLowerInvariant();

    /// <summary>A list that replaces what the school's observations have: the timetable, duties or observers.</summary>
    private static SchoolImport ObservationList(string key, Type importer, IReadOnlyList<string> columns, string commandHelp, string rows,
        IReadOnlyList<string> help) => new(key, importer, columns)
        {
            CommandHelp = commandHelp,
            CommandSummary = r => $"Imported {key}: {r.Created} row(s), replacing {((ListImportResult)r).Replaced}.",
            Route = "schools/{urn:int}/observations/import/{import}",
            Noun = $"the {key}",
            RowsAre = "a heading row",
            Help = help,
            Title = school => $"Import the {key} of {school.Name}",
            FileLabel = $"File of the {key}",
            Inset = $"The file replaces the {key} stored now. If any row has a problem, nothing is imported and every problem is listed with its line, so you can fix the file and upload it again. Rotas already made keep their visits.",
            Back = (url, school) => (url.To<Pages.Observations.Schools.IndexModel>(new { urn = school.Urn }), "Observations"),
            Done = (url, school) => url.To<Pages.Observations.Schools.IndexModel>(new { urn = school.Urn }),
            PageSummary = r =>
            {
                var replaced = r is ListImportResult { Replaced: > 0 } list ? $", replacing {list.Replaced} before" : "";
                return $"{char.ToUpperInvariant(key[0])}{key[1..]} imported: {r.Created} {rows}{replaced}.";
            },
        };

    /// <summary>
    /// Pupil data (special category): imported by the school's leaders and designated teacher, whose pupils list it
    /// goes back to. The import is audited by the importer.
    /// </summary>
    private static SchoolImport PupilData(string key, Type importer, IReadOnlyList<string> columns, string commandHelp, string rowsAre,
        IReadOnlyList<string> help, Func<ImportResult, string> counts) => new(key, importer, columns)
        {
            CommandHelp = commandHelp,
            CommandSummary = r => $"Imported {key}: {counts(r)}.",
            Route = SchoolRoute,
            Noun = key,
            RowsAre = rowsAre,
            Help = help,
            Operation = Operations.ImportPupils,
            Back = (url, school) => (url.To<Pages.Pupils.IndexModel>(new { school = school.Urn }), $"Pupils at {school.Name}"),
            Done = (url, school) => url.To<Pages.Pupils.IndexModel>(new { school = school.Urn }),
            PageSummary = r => $"{char.ToUpperInvariant(key[0])}{key[1..]} imported: {counts(r)}.",
        };
}
