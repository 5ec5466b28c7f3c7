using System.Reflection;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Core.Accounts;

/// <summary>
/// The password rules, as the NCSC and NIST advise: at least <see cref="MinimumLength"/> characters, no rules about
/// which kinds of character, and not a password that lists of common and breached passwords hold (an exact,
/// case-insensitive match of the whole password), nor the account's own email.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;
    public const string CommonCode = "CommonPassword";
    public const string CommonMessage = "Choose a password that is harder to guess: this one is on a list of common passwords";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>How many passwords the list holds (for the tests and the README).</summary>
    public static int CommonCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    /// <summary>Identity's own length check does the length; the rest is here.</summary>
    public static void Configure(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequiredUniqueChars = 1;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var trimmed = password.Trim();
        var isOwnEmail = user.Email is { Length: > 0 } email
            && (string.Equals(trimmed, email, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, email.Split('@')[0], StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(IsCommon(trimmed) || isOwnEmail
            ? IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = CommonMessage })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Lynchpin.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded in Lynchpin.Core.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}

/// <summary>Identity's messages in the app's voice (GOV.UK style: say what to do).</summary>
public sealed class LynchpinIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Enter a password of {length} characters or more" };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"There is already an account for {email}" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"There is already an account for {userName}" };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Enter an email address in the correct format, like name@example.com" };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Your current password is not right" };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "This link has expired or has already been used: ask for a new one" };
}
