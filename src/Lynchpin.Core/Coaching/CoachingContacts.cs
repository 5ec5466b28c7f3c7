namespace Lynchpin.Core.Coaching;

/// <summary>A school's designated teacher for looked-after children and its School Champion (who must be on the SLT).</summary>
public class CoachingContacts(LynchpinDbContext db)
{
    public Task<SchoolCoachingContacts?> GetAsync(int schoolId, CancellationToken cancellationToken = default) =>
        db.SchoolCoachingContacts.AsNoTracking().Include(c => c.DesignatedTeacher).Include(c => c.Champion)
            .SingleOrDefaultAsync(c => c.SchoolId == schoolId, cancellationToken);

    /// <summary>Names the two (null for none). Each must be on the school's staff; the champion must be on its SLT.</summary>
    public async Task<Result<SchoolCoachingContacts>> SetAsync(int schoolId, int? designatedTeacherId, int? championId,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var ids = new[] { designatedTeacherId, championId }.OfType<int>().ToList();
        var staff = await db.StaffMembers.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        if (designatedTeacherId is { } dt && (!staff.TryGetValue(dt, out var teacher) || teacher.SchoolId != schoolId))
        {
            errors.Add(new("DesignatedTeacherId", "Choose the designated teacher from the school's staff"));
        }
        if (championId is { } ch)
        {
            if (!staff.TryGetValue(ch, out var champion) || champion.SchoolId != schoolId)
            {
                errors.Add(new("ChampionId", "Choose the School Champion from the school's staff"));
            }
            else if (!champion.Slt)
            {
                errors.Add(new("ChampionId", $"{champion.FullName} is not on the senior leadership team: the School Champion must be"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<SchoolCoachingContacts>.Fail(errors);
        }
        var contacts = await db.SchoolCoachingContacts.SingleOrDefaultAsync(c => c.SchoolId == schoolId, cancellationToken);
        if (contacts is null)
        {
            contacts = new SchoolCoachingContacts { SchoolId = schoolId };
            db.SchoolCoachingContacts.Add(contacts);
        }
        contacts.DesignatedTeacherId = designatedTeacherId;
        contacts.ChampionId = championId;
        await db.SaveChangesAsync(cancellationToken);
        return Result<SchoolCoachingContacts>.Done(contacts);
    }
}
