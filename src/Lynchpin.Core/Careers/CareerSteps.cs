using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

/// <summary>A step to place a person on, from a date, and the next step they are working towards (optional).</summary>
public sealed record StepInput(string? StepKey, DateOnly? StartedOn, string? AimKey);

/// <summary>
/// Places people on pathway steps. A new step ends the one before (the day before it starts), so a person's steps are a
/// history; a step begun after the person joined the school is a move from within, which the leaders' view counts by year.
/// Steps and aims are written <c>pathway/step</c>.
/// </summary>
public class CareerSteps(LynchpinDbContext db, SchoolClock clock)
{
    public async Task<Result<CareerStep>> PlaceAsync(int staffMemberId, StepInput input, CancellationToken ct = default)
    {
        var pathways = CareerPathways.BuiltIn;
        var step = input.StepKey is { } key && key.Contains('/') ? pathways.Resolve("", key) : null;
        var errors = new List<FieldError>();
        if (step is null)
        {
            errors.Add(new("StepKey", "Choose a step"));
        }
        if (input.StartedOn is null)
        {
            errors.Add(new("StartedOn", "Enter the date the person started in the step"));
        }
        else if (input.StartedOn > clock.Today)
        {
            errors.Add(new("StartedOn", "The start date must be today or in the past"));
        }
        PathwayStep? aim = null;
        if (!string.IsNullOrEmpty(input.AimKey) && step is not null)
        {
            aim = pathways.NextSteps(step).FirstOrDefault(s => s.Key == input.AimKey);
            if (aim is null)
            {
                errors.Add(new("AimKey", $"Choose one of the steps open from {step.Title}"));
            }
        }
        var steps = await db.CareerSteps.Where(s => s.StaffMemberId == staffMemberId).OrderBy(s => s.StartedOn).ToListAsync(ct);
        var current = steps.LastOrDefault();
        if (input.StartedOn is DateOnly startDate && current is not null && startDate < current.StartedOn)
        {
            errors.Add(new("StartedOn", $"The start date must be on or after {current.StartedOn:d MMMM yyyy}, when the current step began"));
        }
        if (errors.Count > 0)
        {
            return Result<CareerStep>.Fail(errors);
        }

        var started = input.StartedOn!.Value;
        if (current is not null && current.PathwayCode == step!.PathwayCode && current.StepCode == step.Code && current.StartedOn == started)
        {
            // The same step again: only the aim changes.
            current.AimStepCode = aim?.Key;
            await db.SaveChangesAsync(ct);
            return Result<CareerStep>.Done(current);
        }
        if (current is not null && current.EndedOn is null)
        {
            current.EndedOn = started == current.StartedOn ? started : started.AddDays(-1);
        }
        var placed = new CareerStep { StaffMemberId = staffMemberId, PathwayCode = step!.PathwayCode, StepCode = step.Code, StartedOn = started, AimStepCode = aim?.Key };
        db.CareerSteps.Add(placed);
        await db.SaveChangesAsync(ct);
        return Result<CareerStep>.Done(placed);
    }
}
