using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Accounts;

public record CreateUserOptions(string Email, UserRole Role, string? TrustCode, int? SchoolUrn, string? StaffRef, string? Password, string? LaCode = null);

public record CreateUserResult(bool Succeeded, IReadOnlyList<string> Errors, string? Password);

/// <summary>What an account of a role must be tied to.</summary>
public static class RoleScope
{
    /// <summary>A trust admin sees every school of a trust.</summary>
    public static bool NeedsTrust(UserRole role) => role == UserRole.TrustAdmin;

    /// <summary>A school leader sees one school.</summary>
    public static bool NeedsSchool(UserRole role) => role == UserRole.SchoolLeader;

    /// <summary>A line manager or staff account sees through its own staff record; for trust admins and leaders it is optional.</summary>
    public static bool NeedsStaff(UserRole role) => role is UserRole.LineManager or UserRole.Staff;

    public static string Name(UserRole role) => role switch
    {
        UserRole.TrustAdmin => "Trust admin",
        UserRole.SchoolLeader => "School leader",
        UserRole.LineManager => "Line manager",
        UserRole.Coach => "Achievement coach",
        UserRole.VirtualSchool => "Virtual school",
        _ => "Staff",
    };

    public static string Description(UserRole role) => role switch
    {
        UserRole.TrustAdmin => "every school of the trust",
        UserRole.SchoolLeader => "their school",
        UserRole.LineManager => "their own record and everyone below them",
        UserRole.Coach => "the schools of their caseload and their vulnerable pupils",
        UserRole.VirtualSchool => "the pupils their local authority looks after, in any school",
        _ => "their own record",
    };
}

/// <summary>
/// Creates accounts with the scope their role needs (a trust, a school, a staff record), with a password, from the
/// command line, the demo and tests. Pages invite instead, through <see cref="AccountAdministration"/>.
/// </summary>
public class UserAccounts(LynchpinDbContext db, UserManager<AppUser> users)
{
    public async Task<CreateUserResult> CreateAsync(CreateUserOptions options, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        Trust? trust = null;
        School? school = null;
        StaffMember? staff = null;

        if (options.TrustCode is not null)
        {
            trust = await db.Trusts.SingleOrDefaultAsync(t => t.Code == options.TrustCode, cancellationToken);
            if (trust is null)
            {
                errors.Add($"There is no trust with the code {options.TrustCode}.");
            }
        }
        if (options.SchoolUrn is not null)
        {
            school = await db.Schools.SingleOrDefaultAsync(s => s.Urn == options.SchoolUrn, cancellationToken);
            if (school is null)
            {
                errors.Add($"There is no school with URN {options.SchoolUrn}.");
            }
        }
        if (options.StaffRef is not null)
        {
            if (options.SchoolUrn is null)
            {
                errors.Add("--staff-ref needs --school: staff references are unique within a school.");
            }
            else if (school is not null)
            {
                staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.SchoolId == school.Id && s.StaffRef == options.StaffRef, cancellationToken);
                if (staff is null)
                {
                    errors.Add($"School {options.SchoolUrn} has no staff member with the reference {options.StaffRef}.");
                }
                else if (await LinkedEmailAsync(staff.Id, null, cancellationToken) is { } linked)
                {
                    errors.Add($"Staff member {options.StaffRef} already has an account ({linked}): a staff record has one account.");
                }
            }
        }
        if (RoleScope.NeedsTrust(options.Role) && options.TrustCode is null)
        {
            errors.Add("A TrustAdmin account needs --trust.");
        }
        if (RoleScope.NeedsSchool(options.Role) && options.SchoolUrn is null)
        {
            errors.Add("A SchoolLeader account needs --school.");
        }
        if (RoleScope.NeedsStaff(options.Role) && options.StaffRef is null)
        {
            errors.Add($"A {options.Role} account needs --school and --staff-ref: it sees records through its own.");
        }
        if (options.Role == UserRole.Coach && (options.TrustCode is not null || options.SchoolUrn is not null))
        {
            errors.Add("A Coach account has no trust or school: it sees the schools of its caseload (caseload set).");
        }
        if (options.Role == UserRole.VirtualSchool && !Pupils.LaCode.TryParse(options.LaCode, out _))
        {
            errors.Add($"A VirtualSchool account needs --la-code, {Pupils.LaCode.Expected}.");
        }
        if (options.LaCode is not null && options.Role != UserRole.VirtualSchool)
        {
            errors.Add("--la-code is only for a VirtualSchool account.");
        }
        if (errors.Count > 0)
        {
            return new CreateUserResult(false, errors, null);
        }

        var password = options.Password ?? GeneratePassword();
        var user = new AppUser
        {
            UserName = options.Email,
            Email = options.Email,
            EmailConfirmed = true,
            Role = options.Role,
            TrustId = trust?.Id ?? school?.TrustId,
            SchoolId = school?.Id ?? staff?.SchoolId,
            StaffMemberId = staff?.Id,
            LaCode = options.Role == UserRole.VirtualSchool && Pupils.LaCode.TryParse(options.LaCode, out var la) ? la.Value : null,
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded
            ? new CreateUserResult(true, [], password)
            : new CreateUserResult(false, created.Errors.Select(e => e.Description).ToList(), null);
    }

    /// <summary>The email of the account (other than <paramref name="exceptUserId"/>) linked to the staff record, if any.</summary>
    public Task<string?> LinkedEmailAsync(int staffMemberId, string? exceptUserId, CancellationToken cancellationToken = default) =>
        db.Users.Where(u => u.StaffMemberId == staffMemberId && u.Id != exceptUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A random password of 16 letters and digits: long enough for the rules, and on no list.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Concat(Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }
}
