using Lynchpin.Core.Observations;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Web.Pages.Observations.Schools;

/// <summary>A school's observations at a glance: what is set up, its rotas, and coverage this school year.</summary>
public class IndexModel(SchoolCalendars calendars, ObservationSettingsEditor editor, ObservationCoverage coverage) : LeaderPageModel
{
    public int Lessons { get; private set; }

    public int PeopleOnTimetable { get; private set; }

    public int Duties { get; private set; }

    public int Observers { get; private set; }

    public int PastoralOrSupportObservers { get; private set; }

    public int VisitsAskedFor { get; private set; }

    public CalendarSetup Calendar { get; private set; } = null!;

    public ObservationSettings Settings { get; private set; } = null!;

    public IReadOnlyList<RotaSummary> Rotas { get; private set; } = [];

    public Coverage Coverage { get; private set; } = null!;

    public int Year { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var schoolId = School.Id;
        Lessons = await Db.TimetableRows.CountAsync(r => r.SchoolId == schoolId, ct);
        PeopleOnTimetable = await Db.TimetableRows.Where(r => r.SchoolId == schoolId).Select(r => r.StaffMemberId).Distinct().CountAsync(ct);
        Duties = await Db.StaffDuties.CountAsync(d => d.SchoolId == schoolId, ct);
        var observers = await Db.RotaObservers.AsNoTracking().Where(o => o.SchoolId == schoolId)
            .Select(o => new { o.Visits, o.StaffMember.Slt, o.StaffMember.RoleFamily, o.StaffMember.JobTitle }).ToListAsync(ct);
        Observers = observers.Count;
        PastoralOrSupportObservers = observers.Count(o => ObserverKinds.Of(o.Slt, o.RoleFamily, o.JobTitle).IsPastoralOrSupport());
        VisitsAskedFor = observers.Sum(o => o.Visits);
        Calendar = await calendars.GetAsync(schoolId, ct);
        Settings = await editor.GetAsync(schoolId, ct);
        var rotas = await Db.ObservationRotas.AsNoTracking().Where(r => r.SchoolId == schoolId)
            .Select(r => new RotaSummary(r.Id, r.Kind, r.From, r.To, r.Status, r.Visits.Count, r.CreatedAt))
            .ToListAsync(ct);
        Rotas = rotas.OrderByDescending(r => r.From).ThenByDescending(r => r.CreatedAt).ToList();
        Year = CurrentYear;
        Coverage = await coverage.ForSchoolAsync(schoolId, SchoolYear.Start(Year), SchoolYear.End(Year), null, ct);
    }
}

