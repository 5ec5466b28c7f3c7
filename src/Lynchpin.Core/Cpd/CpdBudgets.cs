using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

/// <summary>A school's CPD budget for a year, and the figures against it.</summary>
public class CpdBudgets(LynchpinDbContext db)
{
    public const decimal MaxAmount = 10_000_000m;

    public Task<CpdBudget?> ForYearAsync(int schoolId, int year, CancellationToken ct = default) =>
        db.CpdBudgets.AsNoTracking().Include(b => b.BudgetHolder).SingleOrDefaultAsync(b => b.SchoolId == schoolId && b.Year == year, ct);

    public async Task<Result<CpdBudget>> SetAsync(int schoolId, int year, decimal? amount, int? budgetHolderId, CancellationToken ct = default)
    {
        if (amount is null)
        {
            return Result<CpdBudget>.Fail("Amount", "Enter the year's CPD budget in pounds");
        }
        if (amount is < 0m or > MaxAmount)
        {
            return Result<CpdBudget>.Fail("Amount", $"The budget must be between £0 and £{MaxAmount:#,##0}");
        }
        if (budgetHolderId is int holder && !await db.StaffMembers.AnyAsync(s => s.Id == holder && s.SchoolId == schoolId, ct))
        {
            return Result<CpdBudget>.Fail("BudgetHolderId", "Choose someone on the school's staff");
        }
        var budget = await db.CpdBudgets.SingleOrDefaultAsync(b => b.SchoolId == schoolId && b.Year == year, ct);
        if (budget is null)
        {
            budget = new CpdBudget { SchoolId = schoolId, Year = year };
            db.CpdBudgets.Add(budget);
        }
        budget.Amount = amount.Value;
        budget.BudgetHolderId = budgetHolderId;
        await db.SaveChangesAsync(ct);
        return Result<CpdBudget>.Done(budget);
    }

    /// <summary>Spend (activities starting in the year), commitments (approved requests not yet recorded) and requests awaiting a decision.</summary>
    public async Task<CpdBudgetFigures> FiguresAsync(int schoolId, int year, CancellationToken ct = default)
    {
        var start = Progression.SchoolYear.Start(year);
        var end = Progression.SchoolYear.End(year);
        var amount = await db.CpdBudgets.Where(b => b.SchoolId == schoolId && b.Year == year).Select(b => (decimal?)b.Amount).SingleOrDefaultAsync(ct) ?? 0m;
        var spend = await db.CpdAttendances.Where(a => a.Activity.SchoolId == schoolId && a.Activity.StartDate >= start && a.Activity.StartDate <= end)
            .Select(a => a.Cost).ToListAsync(ct);
        var requests = await db.CpdRequests.Where(r => r.SchoolId == schoolId && r.StartDate >= start && r.StartDate <= end)
            .Select(r => new { r.Status, r.Cost }).ToListAsync(ct);
        return CpdBudgetFigures.From(amount, spend,
            requests.Where(r => r.Status == CpdRequestStatus.Approved).Select(r => r.Cost),
            requests.Where(r => CpdRequestRules.IsPending(r.Status)).Select(r => r.Cost));
    }

    /// <summary>Whether a person holds the school's budget for the year; with no holder named, the school's leaders decide costs.</summary>
    public async Task<bool> IsBudgetHolderAsync(int schoolId, int year, int? staffMemberId, bool leadsSchool, CancellationToken ct = default)
    {
        var holder = await db.CpdBudgets.Where(b => b.SchoolId == schoolId && b.Year == year).Select(b => b.BudgetHolderId).SingleOrDefaultAsync(ct);
        return holder is null ? leadsSchool : holder == staffMemberId;
    }
}
