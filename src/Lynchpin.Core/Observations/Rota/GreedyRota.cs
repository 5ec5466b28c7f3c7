namespace Lynchpin.Core.Observations.Rota;

/// <summary>
/// The simple rota a person would make by hand, kept as the baseline the solver is measured against (and as the
/// solver's first hint): observers in turn, each takes the first lesson, in date and time order, that they are free
/// for and that the limits still allow; round after round until nobody can take another.
/// </summary>
public static class GreedyRota
{
    public static IReadOnlyList<Visit> Build(RotaProblem problem) => Build(new RotaIndex(problem)).Select(p => p.Visit).ToList();

    internal static List<(int Observer, int Lesson, Visit Visit)> Build(RotaIndex index)
    {
        var problem = index.Problem;
        var settings = problem.Settings;
        var perLesson = new int[index.Lessons.Count];
        var perObservee = new Dictionary<string, int>(StringComparer.Ordinal);
        var usedSlots = problem.Observers.Select(_ => new HashSet<int>()).ToArray();
        var made = new int[problem.Observers.Count];
        var next = new int[problem.Observers.Count];
        var chosen = new List<(int, int, Visit)>();

        var progress = true;
        while (progress)
        {
            progress = false;
            for (var o = 0; o < problem.Observers.Count; o++)
            {
                if (made[o] >= problem.Observers[o].Visits)
                {
                    continue;
                }
                var candidates = index.Candidates[o];
                // Lessons passed over stay unusable for this observer (full, or their slot is taken), so resume.
                for (; next[o] < candidates.Count; next[o]++)
                {
                    var l = candidates[next[o]];
                    var lesson = index.Lessons[l];
                    if (perLesson[l] >= settings.MaxObserversPerLesson
                        || perObservee.GetValueOrDefault(lesson.StaffRef) >= settings.MaxVisitsPerObservee
                        || usedSlots[o].Contains(index.LessonSlot[l]))
                    {
                        continue;
                    }
                    perLesson[l]++;
                    perObservee[lesson.StaffRef] = perObservee.GetValueOrDefault(lesson.StaffRef) + 1;
                    usedSlots[o].Add(index.LessonSlot[l]);
                    made[o]++;
                    chosen.Add((o, l, lesson.VisitBy(problem.Observers[o].StaffRef)));
                    next[o]++;
                    progress = true;
                    break;
                }
            }
        }
        return chosen;
    }
}
