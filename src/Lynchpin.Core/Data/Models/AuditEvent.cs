namespace Lynchpin.Core.Data.Models;

/// <summary>A record that someone read or changed something sensitive, such as a pay recommendation. Only ever added to.</summary>
public class AuditEvent
{
    public const int ActionMaxLength = 100;
    public const int DetailMaxLength = 1000;
    public const int UserNameMaxLength = 256;

    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The account, or null for the command line.</summary>
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }
    /// <summary>Whose record it was about.</summary>
    public int? StaffMemberId { get; set; }
    public string? Detail { get; set; }
}

public static class AuditActions
{
    public const string PayRecommendationRead = "pay-recommendation-read";
    public const string PayRecommendationRecorded = "pay-recommendation-recorded";
}
