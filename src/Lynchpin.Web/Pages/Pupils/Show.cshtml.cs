using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Pupils;
using Lynchpin.Core.Schools;

namespace Lynchpin.Web.Pages.Pupils;

/// <summary>
/// A pupil's record: details and flags, who works with them, attendance over time against the 90 % line, exclusions,
/// attainment, PEPs with their timeliness and quality, and structured conversations. Read and audited as
/// <see cref="PupilPageModel"/> says; the forms are for those who may record for the pupil.
/// </summary>
public class ShowModel(PupilRecords records) : PupilPageModel
{
    public sealed record PepRow(Pep Pep, PepQualityResult Quality);

    public sealed record AttendanceRow(AttendanceRecord Record, decimal? Rate);

    public class WorkerInput
    {
        [Display(Name = "member of staff")] public int? StaffMemberId { get; set; }
        [Display(Name = "what they do for the pupil")] public string? Role { get; set; }
    }

    public class AttainmentForm
    {
        [Display(Name = "date assessed")] public DateOnly? AssessedOn { get; set; }
        [Display(Name = "subject")] public string? Subject { get; set; }
        [Display(Name = "scale")] public AttainmentScale Scale { get; set; }
        [Display(Name = "grade or step")] public string? Grade { get; set; }
    }

    public class ContactsForm
    {
        [Display(Name = "carer's name")] public string? CarerName { get; set; }
        [Display(Name = "how to reach the carer")] public string? CarerContact { get; set; }
        [Display(Name = "social worker's name")] public string? SocialWorkerName { get; set; }
        [Display(Name = "how to reach the social worker")] public string? SocialWorkerContact { get; set; }
    }

    public class FlagRow
    {
        [Display(Name = "flag")] public PupilFlag? Flag { get; set; }
        [Display(Name = "start date")] public DateOnly? From { get; set; }
        [Display(Name = "end date")] public DateOnly? To { get; set; }
    }

    /// <summary>Empty rows under the pupil's flags, for adding a flag or another period of one.</summary>
    public const int NewFlagRows = 2;

    public static IReadOnlyList<SelectListItem> FlagItems { get; } =
        [new("None (remove this row)", ""), .. Enum.GetValues<PupilFlag>().Select(f => new SelectListItem(f.Name(), f.ToString()))];

    [BindProperty] public ContactsForm Contacts { get; set; } = new();
    [BindProperty] public List<FlagRow> Flags { get; set; } = [];
    [BindProperty] public WorkerInput Worker { get; set; } = new();
    [BindProperty] public AttainmentForm Attainment { get; set; } = new();

    public string? AuthorityName { get; private set; }
    public IReadOnlyList<PupilWorker> Workers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StaffOptions { get; private set; } = [];
    public IReadOnlyList<AttendanceRow> Attendance { get; private set; } = [];
    public string AttendanceChartJson { get; private set; } = "";
    public IReadOnlyList<Exclusion> Exclusions { get; private set; } = [];
    public IReadOnlyList<AttainmentRecord> Attainments { get; private set; } = [];
    public IReadOnlyList<PepRow> Peps { get; private set; } = [];
    public PepTimeliness? Timeliness { get; private set; }
    public IReadOnlyList<StructuredConversation> Conversations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Contacts = new ContactsForm
        {
            CarerName = Pupil.CarerName,
            CarerContact = Pupil.CarerContact,
            SocialWorkerName = Pupil.SocialWorkerName,
            SocialWorkerContact = Pupil.SocialWorkerContact,
        };
        Flags = [.. Pupil.Flags.OrderBy(f => f.Flag).ThenBy(f => f.From).Select(f => new FlagRow { Flag = f.Flag, From = f.From, To = f.To }),
            .. Enumerable.Range(0, NewFlagRows).Select(_ => new FlagRow())];
        await LoadRecordAsync(ct);
    }

    [Requires(nameof(Operations.RecordForPupils))]
    public async Task<IActionResult> OnPostFlagsAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await DoneAsync(false, "", ct);
        }
        var result = await records.SetFlagsAsync(Pupil.Id, Flags.Select(f => new PupilFlagInput(f.Flag, f.From, f.To)).ToList(), await RecorderAsync(ct), ct);
        AddErrors(result.Errors, field => field);
        return await DoneAsync(result.Succeeded, "The flags are saved.", ct);
    }

    [Requires(nameof(Operations.RecordForPupils))]
    public async Task<IActionResult> OnPostContactsAsync(CancellationToken ct)
    {
        var result = await records.SetContactsAsync(Pupil.Id, new PupilContactsInput
        {
            CarerName = Contacts.CarerName,
            CarerContact = Contacts.CarerContact,
            SocialWorkerName = Contacts.SocialWorkerName,
            SocialWorkerContact = Contacts.SocialWorkerContact,
        }, await RecorderAsync(ct), ct);
        AddErrors(result.Errors, field => $"Contacts.{field}");
        return await DoneAsync(result.Succeeded, "The carer and social worker are saved.", ct);
    }

    [Requires(nameof(Operations.RecordForPupils))]
    public async Task<IActionResult> OnPostWorkerAsync(CancellationToken ct)
    {
        var result = await records.AddWorkerAsync(Pupil, Worker.StaffMemberId, Worker.Role, ct);
        AddErrors(result.Errors, field => $"Worker.{field}");
        return await DoneAsync(result.Succeeded, "The member of staff is named as working with the pupil.", ct);
    }

    [Requires(nameof(Operations.RecordForPupils))]
    public async Task<IActionResult> OnPostRemoveWorkerAsync(int workerId, CancellationToken ct)
    {
        await records.RemoveWorkerAsync(Pupil, workerId, ct);
        return await DoneAsync(true, "The member of staff is no longer named for the pupil.", ct);
    }

    [Requires(nameof(Operations.RecordForPupils))]
    public async Task<IActionResult> OnPostAttainmentAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await records.AddAttainmentAsync(Pupil, new AttainmentInput
            {
                AssessedOn = Attainment.AssessedOn,
                Subject = Attainment.Subject,
                Scale = Attainment.Scale,
                Grade = Attainment.Grade,
            }, ct);
            AddErrors(result.Errors, field => $"Attainment.{field}");
        }
        return await DoneAsync(ModelState.IsValid, "The assessment is recorded.", ct);
    }

    private async Task<IActionResult> DoneAsync(bool succeeded, string message, CancellationToken ct)
    {
        if (!succeeded || !ModelState.IsValid)
        {
            await LoadRecordAsync(ct);
            return Invalid();
        }
        TempData["Success"] = message;
        return RedirectTo<ShowModel>(new { id = Pupil.Id });
    }

    private async Task LoadRecordAsync(CancellationToken ct)
    {
        var id = Pupil.Id;
        AuthorityName = await LocalAuthorities.NameAsync(Db, Pupil.LaCode, ct);
        Workers = await Db.PupilWorkers.AsNoTracking().Include(w => w.StaffMember).Where(w => w.PupilId == id)
            .OrderBy(w => w.StaffMember.LastName).ToListAsync(ct);
        if (MayRecord)
        {
            StaffOptions = await Db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == Pupil.SchoolId && (s.LeavingDate == null || s.LeavingDate >= Today))
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
                .Select(s => new SelectListItem(s.FirstName + " " + s.LastName + ", " + s.JobTitle, s.Id.ToString())).ToListAsync(ct);
            StaffOptions = [new SelectListItem("Choose a member of staff", ""), .. StaffOptions];
        }
        var attendance = await Db.AttendanceRecords.AsNoTracking().Where(a => a.PupilId == id).OrderBy(a => a.PeriodStart).ToListAsync(ct);
        Attendance = attendance.Select(a => new AttendanceRow(a, Core.Coaching.ImpactCalculator.Round(
            AttendanceMaths.AttendanceRate(new Sessions(a.SessionsPossible, a.SessionsAttended, a.Authorised, a.Unauthorised))))).ToList();
        AttendanceChartJson = AttendanceChart.Json(
            Attendance.Select(a => $"{a.Record.PeriodStart:MMM yy}–{a.Record.PeriodEnd:MMM yy}").ToList(),
            [new AttendanceChart.Series(Pupil.FirstName, Attendance.Select(a => a.Rate).ToList())]);
        Exclusions = await Db.Exclusions.AsNoTracking().Where(e => e.PupilId == id).OrderByDescending(e => e.Start).ToListAsync(ct);
        Attainments = await Db.AttainmentRecords.AsNoTracking().Where(a => a.PupilId == id)
            .OrderByDescending(a => a.AssessedOn).ThenBy(a => a.Subject).ToListAsync(ct);
        var stored = await Db.Peps.AsNoTracking().Include(p => p.Targets).Where(p => p.PupilId == id)
            .OrderBy(p => p.MeetingOn).ThenBy(p => p.Id).ToListAsync(ct);
        Peps = stored.Select((p, i) => new PepRow(p, Core.Pupils.Peps.Quality(p, i == 0 ? null : stored[i - 1]))).Reverse().ToList();
        if (Pupil.EnteredCareOn is { } entered && Pupil.HasFlag(PupilFlag.LookedAfter, Today))
        {
            var calendar = await TermDatesStore.CalendarAsync(Db, Pupil.SchoolId, ct);
            Timeliness = PepSchedule.Evaluate(entered, stored.Select(p => p.MeetingOn), calendar, Today,
                Core.Progression.SchoolYear.Start(Core.Progression.SchoolYear.Of(Today)));
        }
        Conversations = await Db.StructuredConversations.AsNoTracking().Include(c => c.Targets).Where(c => c.PupilId == id)
            .OrderByDescending(c => c.HeldOn).ToListAsync(ct);
    }
}
