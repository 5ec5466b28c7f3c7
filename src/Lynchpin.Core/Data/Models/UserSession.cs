namespace Lynchpin.Core.Data.Models;

/// <summary>
/// One signed-in browser: its id is in the sign-in cookie and every request checks it here, so ending a session (signing
/// out, "sign out everywhere", a disabled account) stops the cookie at once, even a copied one.
/// </summary>
public class UserSession
{
    public const int IdLength = 32;
    public const int IpAddressMaxLength = 45;
    public const int UserAgentMaxLength = 300;
    public const int MethodMaxLength = 50;

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    /// <summary>How it signed in: "password", "password and code", "Microsoft", "Google".</summary>
    public required string Method { get; set; }
}
