using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Tests.Accounts;

/// <summary>The password rules: 12 characters or more, no rules on kinds of character, not on the common-passwords list.</summary>
public class PasswordPolicyTests
{
    private static async Task<IdentityResult> CheckAsync(string password, string email = "someone@school.example")
    {
        var user = new AppUser { Email = email, UserName = email };
        var length = await new PasswordValidator<AppUser>(new LynchpinIdentityErrors()).ValidateAsync(Manager(), user, password);
        var listed = await new PasswordPolicy().ValidateAsync(Manager(), user, password);
        return length.Succeeded && listed.Succeeded ? IdentityResult.Success : IdentityResult.Failed([.. length.Errors, .. listed.Errors]);
    }

    /// <summary>The validators read only the options from the manager.</summary>
    private static UserManager<AppUser> Manager()
    {
        var options = new IdentityOptions();
        PasswordPolicy.Configure(options.Password);
        return new UserManager<AppUser>(new NoStore(), Microsoft.Extensions.Options.Options.Create(options), null!, [], [], null!, new LynchpinIdentityErrors(), null!, null!);
    }

    [Theory]
    [InlineData("elevenchars")]
    [InlineData("Aa1!Aa1!Aa1")]
    public async Task Validate_ShorterThanTwelve_IsRefusedWithALengthMessage(string password)
    {
        var result = await CheckAsync(password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description == "Enter a password of 12 characters or more");
    }

    [Theory]
    [InlineData("twelve chars")]
    [InlineData("correct staple cow")]
    [InlineData("alllowercaseletters")]
    [InlineData(DemoData.Password)]
    public async Task Validate_TwelveOrMoreAndNotCommon_IsAcceptedWhateverTheCharacters(string password)
    {
        var result = await CheckAsync(password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("Qwertyuiop123")]
    [InlineData("iloveyou1234")]
    [InlineData("123456789012")]
    [InlineData("Liverpool2024!")]
    public async Task Validate_OnTheCommonList_IsRefusedWhateverItsCase(string password)
    {
        var result = await CheckAsync(password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == PasswordPolicy.CommonCode);
    }

    [Fact]
    public async Task Validate_TheAccountsOwnEmailOrItsName_IsRefused()
    {
        var whole = await CheckAsync("morgan.jones@school.example", "morgan.jones@school.example");
        var name = await CheckAsync("Morgan.Jones.Teacher", "morgan.jones.teacher@school.example");

        Assert.False(whole.Succeeded);
        Assert.False(name.Succeeded);
    }

    [Fact]
    public void CommonList_HoldsThousandsOfPasswordsAllLongEnoughToMatter()
    {
        // Shorter ones would never be reached: the length rule refuses them first.
        Assert.InRange(PasswordPolicy.CommonCount, 3_000, 20_000);
        Assert.True(PasswordPolicy.IsCommon("  Password1234  "));
        Assert.False(PasswordPolicy.IsCommon(DemoData.Password));
    }

    private sealed class NoStore : IUserStore<AppUser>
    {
        public void Dispose()
        {
        }

        public Task<string> GetUserIdAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);
        public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);
        public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<AppUser?>(null);
        public Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => Task.FromResult<AppUser?>(null);
    }
}
