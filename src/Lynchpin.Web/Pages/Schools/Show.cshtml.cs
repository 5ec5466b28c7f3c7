namespace Lynchpin.Web.Pages.Schools;

/// <summary>A school at a glance: its staff by role family, teaching and support side by side, and its SLT.</summary>
public class ShowModel(Core.Careers.CareersOverview careers, Core.Community.ProfessionalConversations conversations) : SchoolPageModel
{
    public record FamilyCount(RoleFamily Family, int Count);
    public record Leader(int Id, string Name, string JobTitle, bool Qts);

    public List<FamilyCount> Families { get; private set; } = [];
    public List<Leader> Slt { get; private set; } = [];
    public bool CanManage { get; private set; }
    /// <summary>Whether the staff list shows this viewer anyone beyond themselves, so a role family's count may link to it.</summary>
    public bool ListsStaff { get; private set; }

    /// <summary>For the school's leaders: qualifications overdue or due within 90 days, and certificates out of date or running out.</summary>
    public IReadOnlyList<Core.Careers.PersonDeadline> QualificationWarnings { get; private set; } = [];
    /// <summary>For the school's leaders: the people in post who have had no professional conversation for a half term.</summary>
    public IReadOnlyList<StaffMember> DueConversation { get; private set; } = [];

    public int Teaching => Families.Where(f => f.Family == RoleFamily.Teaching).Sum(f => f.Count);
    public int Support => Families.Where(f => f.Family != RoleFamily.Teaching).Sum(f => f.Count);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = await MayAsync(School, Operations.Manage);
        var scope = await Access.GetAsync(ct);
        ListsStaff = scope.LeadsSchool(School.Id) || !scope.SeesOnlyThemselves;
        var (schoolId, today) = (School.Id, Today);
        var inPost = Db.StaffMembers.Where(s => s.SchoolId == schoolId && (s.LeavingDate == null || s.LeavingDate >= today));
        var counts = await inPost.GroupBy(s => s.RoleFamily).Select(g => new { Family = g.Key, Count = g.Count() }).ToListAsync(ct);
        Families = RoleFamilies.All.Select(f => new FamilyCount(f, counts.SingleOrDefault(c => c.Family == f)?.Count ?? 0)).ToList();
        Slt = await inPost.Where(s => s.Slt).OrderBy(s => s.LineManagerId != null).ThenBy(s => s.LastName)
            .Select(s => new Leader(s.Id, s.FirstName + " " + s.LastName, s.JobTitle, s.Qts)).ToListAsync(ct);
        if (CanManage)
        {
            QualificationWarnings = await careers.DeadlinesAsync(School, today, ct);
            DueConversation = await conversations.DueAsync(schoolId, ct: ct);
        }
    }
}
