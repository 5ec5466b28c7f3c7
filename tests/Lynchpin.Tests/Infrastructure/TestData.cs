using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>An account made for a test, with the password to sign in with.</summary>
public sealed record TestUser(string Id, string Email, string Password, UserRole Role);

/// <summary>
/// Builds data for a test through the app's own DbContext and services. Every value that must be
/// unique (trust code, URN, staff reference, email) is, so tests sharing a database never collide.
/// </summary>
public sealed class TestData(IServiceProvider services)
{
    /// <summary>Meets the app's password rules: ten or more characters, upper and lower case, a digit.</summary>
    public const string DefaultPassword = "Test-password-2024";

    private static int _counter;

    /// <summary>A number no other call in this test run has had.</summary>
    public static int Unique() => Interlocked.Increment(ref _counter);

    public Task<Trust> CreateTrustAsync(string? name = null, TrustKind kind = TrustKind.MultiAcademyTrust)
    {
        var n = Unique();
        return AddAsync(new Trust { Code = $"TR{n}", Name = name ?? $"Test Trust {n}", Kind = kind });
    }

    public Task<School> CreateSchoolAsync(Trust? trust = null, string? name = null, string? phase = "Secondary", bool isOpen = true)
    {
        var n = Unique();
        return AddAsync(new School
        {
            Urn = 800_000 + n,
            Name = name ?? $"Test School {n}",
            Phase = phase,
            NumberOfPupils = 900,
            LocalAuthority = "Testshire",
            IsOpen = isOpen,
            TrustId = trust?.Id,
        });
    }

    public async Task<StaffMember> CreateStaffAsync(
        School school,
        RoleFamily roleFamily = RoleFamily.Teaching,
        StaffMember? lineManager = null,
        string? firstName = null,
        string? lastName = null,
        string? jobTitle = null,
        bool slt = false,
        bool? qts = null,
        DateOnly? startDate = null,
        DateOnly? leavingDate = null,
        StaffMember? coach = null,
        string? email = null)
    {
        var n = Unique();
        var staff = await AddAsync(new StaffMember
        {
            SchoolId = school.Id,
            StaffRef = $"S{n}",
            FirstName = firstName ?? "Sam",
            LastName = lastName ?? $"Tester{n}",
            Email = email ?? $"staff{n}@school.test",
            JobTitle = jobTitle ?? $"{roleFamily.DisplayName()} post {n}",
            RoleFamily = roleFamily,
            Qts = qts ?? roleFamily == RoleFamily.Teaching,
            Slt = slt,
            StartDate = startDate ?? new DateOnly(2020, 9, 1),
            LeavingDate = leavingDate,
            HoursPerWeek = 32.5m,
            WeeksPerYear = 39m,
            LineManagerId = lineManager?.Id,
            CoachId = coach?.Id,
        });
        staff.School = school;
        return staff;
    }

    /// <summary>
    /// An account through <see cref="UserAccounts"/>, scoped as its role needs: a TrustAdmin to
    /// <paramref name="trust"/>, a SchoolLeader to <paramref name="school"/>, a LineManager or Staff
    /// account to its own <paramref name="staff"/> record.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(
        UserRole role, Trust? trust = null, School? school = null, StaffMember? staff = null, string? email = null, string? password = null,
        string? laCode = null)
    {
        email ??= $"user{Unique()}@lynchpin.test";
        password ??= DefaultPassword;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        int? urn = school?.Urn;
        if (staff is not null)
        {
            urn = await db.Schools.Where(s => s.Id == staff.SchoolId).Select(s => s.Urn).SingleAsync();
        }
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new CreateUserOptions(email, role, trust?.Code, urn, staff?.StaffRef, password, laCode));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {role} account {email}: {string.Join(" ", result.Errors)}");
        }
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new TestUser(id, email, password, role);
    }

    public async Task<CreatedApiToken> CreateApiTokenAsync(TestUser user, string name = "Test token")
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(new CreateApiTokenOptions(user.Id, name));
    }

    public async Task RevokeApiTokenAsync(TestUser user, int tokenId)
    {
        await using var scope = services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(user.Id, tokenId))
        {
            throw new InvalidOperationException($"Token {tokenId} of {user.Email} was not revoked.");
        }
    }

    /// <summary>Runs <paramref name="work"/> with a scope of the app's services (a service and its DbContext together).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> with a fresh DbContext of the app, to read or change data directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<LynchpinDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LynchpinDbContext>());
    }

    private async Task<T> AddAsync<T>(T entity) where T : class
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }
}
