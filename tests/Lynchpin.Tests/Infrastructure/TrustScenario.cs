using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>
/// Two trusts with a line-management tree, for tests of who may see whom. Built fresh (unique values) per call:
/// <code>
/// Trust A ── School A1: Head (SLT) ─┬─ Manager ─┬─ Mentor (pastoral, support) ── Caretaker (site, support)
///          │                        │           └─ Teacher
///          │                        └─ Peer (the Manager's peer)
///          └─ School A2: Sibling
/// Trust B ── School B1: Outsider
/// </code>
/// </summary>
public sealed record TrustScenario(
    Trust TrustA, School SchoolA1, School SchoolA2, Trust TrustB, School SchoolB1,
    StaffMember Head, StaffMember Manager, StaffMember Mentor, StaffMember Caretaker, StaffMember Teacher,
    StaffMember Peer, StaffMember Sibling, StaffMember Outsider)
{
    /// <summary>Everyone at School A1.</summary>
    public IReadOnlyList<StaffMember> SchoolA1Staff => [Head, Manager, Mentor, Caretaker, Teacher, Peer];

    public static async Task<TrustScenario> CreateAsync(TestData data)
    {
        var trustA = await data.CreateTrustAsync();
        var a1 = await data.CreateSchoolAsync(trustA);
        var a2 = await data.CreateSchoolAsync(trustA);
        var trustB = await data.CreateTrustAsync();
        var b1 = await data.CreateSchoolAsync(trustB);

        var head = await data.CreateStaffAsync(a1, RoleFamily.Teaching, slt: true, jobTitle: "Headteacher");
        var manager = await data.CreateStaffAsync(a1, RoleFamily.Teaching, head, jobTitle: "Head of year");
        var mentor = await data.CreateStaffAsync(a1, RoleFamily.Pastoral, manager, jobTitle: "Learning mentor");
        var caretaker = await data.CreateStaffAsync(a1, RoleFamily.Site, mentor, jobTitle: "Site assistant");
        var teacher = await data.CreateStaffAsync(a1, RoleFamily.Teaching, manager, jobTitle: "Teacher of maths");
        var peer = await data.CreateStaffAsync(a1, RoleFamily.Teaching, head, jobTitle: "Head of department");
        var sibling = await data.CreateStaffAsync(a2, RoleFamily.Teaching);
        var outsider = await data.CreateStaffAsync(b1, RoleFamily.Teaching);

        return new TrustScenario(trustA, a1, a2, trustB, b1, head, manager, mentor, caretaker, teacher, peer, sibling, outsider);
    }
}
