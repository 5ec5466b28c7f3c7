using System.Buffers.Text;
using System.Security.Cryptography;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

public enum CalendarRole
{
    /// <summary>The person makes the visit.</summary>
    Observer,

    /// <summary>The visit is to the person's lesson (only where the school shares that kind of observer's records).</summary>
    Observee,
}

/// <summary>A visit as an event in a person's calendar; times are the school's local time on <see cref="Date"/>.</summary>
public sealed record CalendarVisit(
    int VisitId,
    CalendarRole Role,
    ObservationKind Kind,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string Period,
    string ObserverName,
    string ObserveeName,
    string Class,
    string Subject,
    string YearGroup,
    string Room,
    DateTime ChangedAt)
{
    /// <summary>Stable across feeds and edits, so a calendar updates a moved visit rather than adding another.</summary>
    public string Uid => $"visit-{VisitId}-{(Role == CalendarRole.Observer ? "observer" : "observee")}@lynchpin";

    public string Summary => Role == CalendarRole.Observer
        ? $"{Kind.DisplayName()}: {Class} with {ObserveeName}"
        : $"{Kind.DisplayName()} by {ObserverName}: {Class}";

    /// <summary>The visit as an event in a calendar feed.</summary>
    public CalendarEntry ToEntry() => new(Uid, Date, Start, End, Summary, Description, Room.Length > 0 ? Room : null, ChangedAt);

    public string Description => string.Join(" · ", new[]
    {
        $"Period {Period}",
        Subject,
        YearGroup.Length == 0 ? "" : $"Year {YearGroup}",
        Role == CalendarRole.Observer ? $"Teacher: {ObserveeName}" : $"Observer: {ObserverName}",
    }.Where(p => p.Length > 0));
}

/// <summary>What a person's calendar feed holds: their visits as observer and, where shared, as observee, by date.</summary>
public sealed record CalendarFeed(int StaffMemberId, string Name, string SchoolName, IReadOnlyList<CalendarVisit> Visits);

/// <summary>
/// Private calendar feeds: each person has one unguessable token for the URL of their feed, made when first asked for;
/// resetting it makes a new one and the old URL stops working. Callers check that the user is the person (or may manage
/// them) before showing or resetting a token; the feed itself is reached by the token alone.
/// </summary>
public class CalendarFeeds(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>The person's token, made now if they have none.</summary>
    public async Task<string> TokenAsync(int staffMemberId, CancellationToken cancellationToken = default)
    {
        var token = await db.CalendarFeedTokens.Where(t => t.StaffMemberId == staffMemberId).Select(t => t.Token).SingleOrDefaultAsync(cancellationToken);
        return token ?? await ResetTokenAsync(staffMemberId, cancellationToken);
    }

    /// <summary>Replaces the person's token; the feed URL with the old one stops working at once.</summary>
    public async Task<string> ResetTokenAsync(int staffMemberId, CancellationToken cancellationToken = default)
    {
        var stored = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.StaffMemberId == staffMemberId, cancellationToken);
        if (stored is null)
        {
            stored = new CalendarFeedToken { StaffMemberId = staffMemberId, Token = "" };
            db.CalendarFeedTokens.Add(stored);
        }
        stored.Token = NewToken();
        stored.CreatedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return stored.Token;
    }

    /// <summary>The feed for a token, or null when no one has it (never issued, or reset since) or it is an account's (see <see cref="FindOwnerAsync"/>).</summary>
    public async Task<CalendarFeed?> FindAsync(string token, DateOnly? since = null, CancellationToken cancellationToken = default)
    {
        var owner = await FindOwnerAsync(token, cancellationToken);
        return owner?.StaffMemberId is { } id ? await ForPersonAsync(id, since, cancellationToken) : null;
    }

    /// <summary>Whose feed a token opens: a staff record's, or an account's without one (a coach's); null for no one.</summary>
    public async Task<(int? StaffMemberId, string? UserId)?> FindOwnerAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length != CalendarFeedToken.TokenLength)
        {
            return null;
        }
        var owner = await db.CalendarFeedTokens.Where(t => t.Token == token).Select(t => new { t.StaffMemberId, t.UserId }).SingleOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.StaffMemberId, owner.UserId);
    }

    /// <summary>The token of an account without a staff record (a coach), made now if it has none.</summary>
    public async Task<string> AccountTokenAsync(string userId, CancellationToken cancellationToken = default)
    {
        var token = await db.CalendarFeedTokens.Where(t => t.UserId == userId).Select(t => t.Token).SingleOrDefaultAsync(cancellationToken);
        return token ?? await ResetAccountTokenAsync(userId, cancellationToken);
    }

    /// <summary>Replaces an account's token; the old URL stops working at once.</summary>
    public async Task<string> ResetAccountTokenAsync(string userId, CancellationToken cancellationToken = default)
    {
        var stored = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        if (stored is null)
        {
            stored = new CalendarFeedToken { UserId = userId, Token = "" };
            db.CalendarFeedTokens.Add(stored);
        }
        stored.Token = NewToken();
        stored.CreatedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return stored.Token;
    }

    /// <summary>A person's visits from <paramref name="since"/> (all of them when null): as observer, and as observee where shared.</summary>
    public async Task<CalendarFeed> ForPersonAsync(int staffMemberId, DateOnly? since = null, CancellationToken cancellationToken = default)
    {
        var person = await db.StaffMembers.AsNoTracking().Include(s => s.School).SingleAsync(s => s.Id == staffMemberId, cancellationToken);
        var settings = await ObservationSettingsEditor.LoadAsync(db, person.SchoolId, cancellationToken);
        var from = since ?? DateOnly.MinValue;
        var visits = await db.RotaVisits.AsNoTracking()
            .Where(v => (v.ObserverId == staffMemberId || v.ObserveeId == staffMemberId) && v.Date >= from)
            .Select(v => new
            {
                v.Id,
                v.ObserverId,
                v.ObserverKind,
                v.Rota.Kind,
                v.Date,
                v.Start,
                v.End,
                v.Period,
                ObserverName = v.Observer.FirstName + " " + v.Observer.LastName,
                ObserveeName = v.Observee.FirstName + " " + v.Observee.LastName,
                v.Class,
                v.Subject,
                v.YearGroup,
                v.Room,
                ChangedAt = v.ChangedAt ?? v.Rota.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var events = visits
            .Where(v => v.ObserverId == staffMemberId || settings.Shares(v.ObserverKind))
            .Select(v => new CalendarVisit(v.Id, v.ObserverId == staffMemberId ? CalendarRole.Observer : CalendarRole.Observee, v.Kind,
                v.Date, v.Start, v.End, v.Period, v.ObserverName, v.ObserveeName, v.Class, v.Subject, v.YearGroup, v.Room, v.ChangedAt))
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.VisitId)
            .ToList();
        return new CalendarFeed(person.Id, person.FullName, person.School.Name, events);
    }

    /// <summary>256 random bits, URL-safe: 43 characters.</summary>
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
