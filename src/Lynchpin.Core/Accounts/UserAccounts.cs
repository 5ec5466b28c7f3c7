using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Accounts;

public record CreateUserOptions(string Email, UserRole Role, string? TrustCode, int? SchoolUrn, string? StaffRef, string? Password);

public record CreateUserResult(bool Succeeded, IReadOnlyList<string> Errors, string? Password);

/// <summary>Creates accounts with the scope their role needs (a trust, a school, a staff record).</summary>
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
            }
        }
        switch (options.Role)
        {
            case UserRole.TrustAdmin when options.TrustCode is null:
                errors.Add("A TrustAdmin account needs --trust.");
                break;
            case UserRole.SchoolLeader when options.SchoolUrn is null:
                errors.Add("A SchoolLeader account needs --school.");
                break;
            case UserRole.LineManager or UserRole.Staff when options.StaffRef is null:
                errors.Add($"A {options.Role} account needs --school and --staff-ref: it sees records through its own.");
                break;
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
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded
            ? new CreateUserResult(true, [], password)
            : new CreateUserResult(false, created.Errors.Select(e => e.Description).ToList(), null);
    }

    /// <summary>A random password that meets the rules: mixed case, digits, 16 characters.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 13).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return string.Concat(chars) + "Aa7";
    }
}
