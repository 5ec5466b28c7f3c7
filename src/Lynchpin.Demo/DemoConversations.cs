using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Demo;

/// <summary>
/// Northfield's triads in the autumn term of 2026: most people had one to three professional conversations, focused on a
/// criterion of their stage, one of their objectives or their own words; every sixth person (by staff reference) had none,
/// so the reminder shows for them, their line manager and their coach, and in the leaders' count.
/// </summary>
public static class DemoConversations
{
    private const string Recorder = "Demo data";

    /// <summary>The weeks the conversations fall in: late September, late October, late November 2026.</summary>
    private static readonly DateOnly[] Slots = [new(2026, 9, 21), new(2026, 10, 19), new(2026, 11, 23)];

    private static readonly string[] OwnWords =
    [
        "Settling into the new timetable and what support would help",
        "Feedback from the learning walk and one thing to try next",
        "Balancing workload with the development the person wants",
        "Sharing what is working with colleagues in the team",
    ];

    private static readonly (string Agreed, string NextStep)[] Agreements =
    [
        ("To try one change in practice for three weeks and note what happens each time", "Bring the notes to the next conversation"),
        ("To visit a colleague who does this well and talk it through afterwards", "Arrange the visit with the coach"),
        ("To read the short guide the coach shared and pick one idea to use", "Try the idea with one group"),
        ("To keep going as things stand: the change is showing in pupils' work", "Share an example at the next team meeting"),
        ("To book the relevant CPD this term and plan time to practise afterwards", "Ask the line manager for the cover"),
    ];

    public static async Task SeedAsync(LynchpinDbContext db, int urn, CancellationToken ct)
    {
        var school = await db.Schools.Include(s => s.Trust).SingleAsync(s => s.Urn == urn, ct);
        var framework = await new Frameworks(db).ForSchoolAsync(school, ct);
        var today = new DateOnly(2026, 12, 7);
        var people = (await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Id).OrderBy(s => s.StaffRef).ToListAsync(ct))
            .Where(s => s.InPostOn(today)).ToList();
        var ids = people.Select(p => p.Id).ToList();
        var stages = (await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.StaffMemberId) && a.IsCurrent)
                .Select(a => new { a.StaffMemberId, a.Year, a.Checkpoint, a.Stage }).ToListAsync(ct))
            .GroupBy(a => a.StaffMemberId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Year).ThenBy(a => a.Checkpoint).Last().Stage);
        var objectives = (await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.Appraisal.StaffMemberId) && o.Appraisal.Cycle.Year == 2026)
                .Select(o => new { o.Id, o.Appraisal.StaffMemberId, o.SortOrder }).ToListAsync(ct))
            .GroupBy(o => o.StaffMemberId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList());

        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (i % 6 == 5)
            {
                continue;
            }
            var stage = stages.GetValueOrDefault(person.Id, 1);
            var criteria = framework.Framework.Stages.Any(s => s.Number == stage) ? framework.CriteriaFor(stage, person.RoleFamily) : [];
            var count = 1 + i % 3;
            for (var k = 0; k < count; k++)
            {
                // The latest slots: one conversation falls in November, two in October and November, three in all three.
                var held = Slots[Slots.Length - count + k].AddDays(i % 5);
                var (agreed, next) = Agreements[(i + k) % Agreements.Length];
                var conversation = new ProfessionalConversation
                {
                    StaffMemberId = person.Id,
                    HeldOn = held,
                    LineManagerId = k % 2 == 0 ? person.LineManagerId : null,
                    CoachId = person.CoachId,
                    Agreed = agreed,
                    NextStep = next,
                    NextStepBy = held.AddDays(21),
                    RecordedAt = held.ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc),
                    RecordedByName = Recorder,
                };
                if (k == 0 && criteria.Count > 0)
                {
                    // A stored framework's criterion by id; the default framework's (not stored) in its words, as the form keeps it.
                    var criterion = criteria[i % criteria.Count];
                    (conversation.CriterionId, conversation.Focus) = criterion.Id > 0 ? ((int?)criterion.Id, (string?)null) : (null, criterion.Text);
                }
                else if (k == 1 && objectives.TryGetValue(person.Id, out var theirs) && theirs.Count > 0)
                {
                    conversation.ObjectiveId = theirs[i % theirs.Count];
                }
                else
                {
                    conversation.Focus = OwnWords[(i + k) % OwnWords.Length];
                }
                db.ProfessionalConversations.Add(conversation);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
