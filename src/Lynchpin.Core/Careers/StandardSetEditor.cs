using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

/// <summary>Whose standards are edited: a school's or a trust's (exactly one is set).</summary>
public sealed record StandardsOwner(int? SchoolId, int? TrustId)
{
    public static StandardsOwner Of(School school) => new(school.Id, null);

    public static StandardsOwner Of(Trust trust) => new(null, trust.Id);
}

/// <summary>A standard as typed on the form.</summary>
public sealed record StandardInput(string? Section, string? Text);

/// <summary>
/// Edits a school's or trust's standards. The first edit of a set it inherits (the built-in set, or the trust's for a
/// school) stores its own copy with the edit in one save, as the progression framework does; standards keep their codes
/// in the copy, so ratings already recorded still name them. A school or trust may also start a set of its own (site,
/// catering, IT…), for the role families it chooses.
/// </summary>
public class StandardSetEditor(LynchpinDbContext db, CareerStandards standards)
{
    public async Task<Result<StandardSet>> EditStandardAsync(StandardsOwner owner, string setCode, string standardCode, StandardInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Result<StandardSet>.Fail(errors);
        }
        var set = await OwnCopyAsync(owner, setCode, ct);
        var standard = set?.Standards.FirstOrDefault(s => s.Code == standardCode);
        if (set is null || standard is null)
        {
            return Result<StandardSet>.Fail("Text", "There is no such standard");
        }
        standard.Section = input.Section!.Trim();
        standard.Text = input.Text!.Trim();
        await db.SaveChangesAsync(ct);
        return Result<StandardSet>.Done(set);
    }

    public async Task<Result<StandardSet>> AddStandardAsync(StandardsOwner owner, string setCode, StandardInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Result<StandardSet>.Fail(errors);
        }
        var set = await OwnCopyAsync(owner, setCode, ct);
        if (set is null)
        {
            return Result<StandardSet>.Fail("Text", "There is no such set of standards");
        }
        var prefix = new string(set.Code.Where(char.IsAsciiLetterOrDigit).Take(6).ToArray()).ToUpperInvariant();
        var n = set.Standards.Count + 1;
        while (set.Standards.Any(s => s.Code == $"{prefix}-{n}"))
        {
            n++;
        }
        set.Standards.Add(new Standard { Code = $"{prefix}-{n}", Section = input.Section!.Trim(), Text = input.Text!.Trim(), SortOrder = set.Standards.Count == 0 ? 0 : set.Standards.Max(s => s.SortOrder) + 1 });
        await db.SaveChangesAsync(ct);
        return Result<StandardSet>.Done(set);
    }

    public async Task<Result<StandardSet>> RemoveStandardAsync(StandardsOwner owner, string setCode, string standardCode, CancellationToken ct = default)
    {
        var set = await OwnCopyAsync(owner, setCode, ct);
        var standard = set?.Standards.FirstOrDefault(s => s.Code == standardCode);
        if (set is null || standard is null)
        {
            return Result<StandardSet>.Fail("Text", "There is no such standard");
        }
        if (set.Standards.Count == 1)
        {
            return Result<StandardSet>.Fail("Text", "A set needs at least one standard");
        }
        set.Standards.Remove(standard);
        db.Standards.Remove(standard);
        await db.SaveChangesAsync(ct);
        return Result<StandardSet>.Done(set);
    }

    /// <summary>A new set of the owner's own, for the role families it is for, with its first standard.</summary>
    public async Task<Result<StandardSet>> CreateSetAsync(StandardsOwner owner, string? name, IReadOnlyList<RoleFamily> families, StandardInput first, CancellationToken ct = default)
    {
        var errors = Validate(first).ToList();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Insert(0, new("Name", "Enter a name for the set of standards"));
        }
        else if (name.Trim().Length > StandardSet.NameMaxLength)
        {
            errors.Insert(0, new("Name", $"The name must be {StandardSet.NameMaxLength} characters or fewer"));
        }
        if (families.Count == 0)
        {
            errors.Add(new("Families", "Select the role families the standards are for"));
        }
        if (errors.Count > 0)
        {
            return Result<StandardSet>.Fail(errors);
        }
        var existing = await ResolvedAsync(owner, ct);
        var stem = "own-" + new string(name!.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        stem = stem[..Math.Min(stem.Length, StandardSet.CodeMaxLength - 4)].TrimEnd('-');
        var code = stem;
        for (var n = 2; existing.Any(s => string.Equals(s.Set.Code, code, StringComparison.OrdinalIgnoreCase)); n++)
        {
            code = $"{stem}-{n}";
        }
        var set = new StandardSet { SchoolId = owner.SchoolId, TrustId = owner.TrustId, Code = code, Name = name.Trim(), RoleFamilies = [.. families] };
        var prefix = new string(set.Name.Where(char.IsAsciiLetter).Take(3).ToArray()).ToUpperInvariant();
        set.Standards.Add(new Standard { Code = $"{(prefix.Length == 0 ? "OWN" : prefix)}-1", Section = first.Section!.Trim(), Text = first.Text!.Trim() });
        db.StandardSets.Add(set);
        await db.SaveChangesAsync(ct);
        return Result<StandardSet>.Done(set);
    }

    /// <summary>Removes the owner's copy, so it follows the trust's or the built-in set again; a set of its own cannot be reverted.</summary>
    public async Task<Result> RevertAsync(StandardsOwner owner, string setCode, CancellationToken ct = default)
    {
        if (BuiltInCareers.StandardSet(setCode) is null)
        {
            return Result.Fail("SetCode", "Only a copy of a published set can go back to the original");
        }
        var own = await Stored(owner).FirstOrDefaultAsync(s => s.Code == setCode, ct);
        if (own is not null)
        {
            db.StandardSets.Remove(own);
            await db.SaveChangesAsync(ct);
        }
        return Result.Ok;
    }

    /// <summary>The owner's own stored copy of a set, tracked; made from what it inherits if it has none yet (not saved).</summary>
    private async Task<StandardSet?> OwnCopyAsync(StandardsOwner owner, string setCode, CancellationToken ct)
    {
        var own = await Stored(owner).Include(s => s.Standards).FirstOrDefaultAsync(s => s.Code == setCode, ct);
        if (own is not null)
        {
            return own;
        }
        var inherited = (await ResolvedAsync(owner, ct)).FirstOrDefault(s => string.Equals(s.Set.Code, setCode, StringComparison.OrdinalIgnoreCase))?.Set;
        if (inherited is null)
        {
            return null;
        }
        var copy = new StandardSet
        {
            SchoolId = owner.SchoolId,
            TrustId = owner.TrustId,
            Code = inherited.Code,
            Name = inherited.Name,
            Description = inherited.Description,
            RoleFamilies = [.. inherited.RoleFamilies],
            Tiers = [.. inherited.Tiers],
            Standards = inherited.Standards.OrderBy(s => s.SortOrder)
                .Select((s, i) => new Standard { Code = s.Code, Section = s.Section, Tier = s.Tier, Text = s.Text, SortOrder = i }).ToList(),
        };
        db.StandardSets.Add(copy);
        return copy;
    }

    private IQueryable<StandardSet> Stored(StandardsOwner owner) => owner.SchoolId is int schoolId
        ? db.StandardSets.Where(s => s.SchoolId == schoolId)
        : db.StandardSets.Where(s => s.TrustId == owner.TrustId);

    private async Task<IReadOnlyList<ResolvedStandardSet>> ResolvedAsync(StandardsOwner owner, CancellationToken ct)
    {
        if (owner.SchoolId is int schoolId)
        {
            return await standards.ForSchoolAsync(await db.Schools.AsNoTracking().SingleAsync(s => s.Id == schoolId, ct), ct);
        }
        return await standards.ForTrustAsync(await db.Trusts.AsNoTracking().SingleAsync(t => t.Id == owner.TrustId, ct), ct);
    }

    private static List<FieldError> Validate(StandardInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Section))
        {
            errors.Add(new("Section", "Enter the section the standard is in"));
        }
        else if (input.Section.Trim().Length > Standard.SectionMaxLength)
        {
            errors.Add(new("Section", $"The section must be {Standard.SectionMaxLength} characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(new("Text", "Enter what the standard expects"));
        }
        else if (input.Text.Trim().Length > Standard.TextMaxLength)
        {
            errors.Add(new("Text", $"The standard must be {Standard.TextMaxLength} characters or fewer"));
        }
        return errors;
    }
}
