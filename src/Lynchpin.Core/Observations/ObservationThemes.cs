using System.Text;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>A word or two-word phrase and how many times it was written.</summary>
public sealed record TermCount(string Term, int Count);

/// <summary>A focus question (as worded on the records), how many records answered it, and the words used most.</summary>
public sealed record QuestionTheme(string Question, int Answered, IReadOnlyList<TermCount> Terms);

/// <summary>How many records have a subject or year group (<see cref="Label"/> is null when none was given).</summary>
public sealed record GroupCount(string? Label, int Count);

/// <summary>A note on learning, shortened, with when and by what kind of observer — no names.</summary>
public sealed record NoteQuote(DateOnly Date, string? Subject, ObserverKind ObserverKind, string Text);

/// <summary>Themes across the records in a range, for leaders.</summary>
public sealed record Themes(int Records, IReadOnlyList<QuestionTheme> Questions, IReadOnlyList<GroupCount> BySubject,
    IReadOnlyList<GroupCount> ByYearGroup, IReadOnlyList<NoteQuote> RecentNotes)
{
    public static readonly Themes None = new(0, [], [], [], []);
}

/// <summary>
/// Themes across observation records: per focus question, how often it was answered and the words and short phrases
/// used most; records by subject and year group; the latest notes on learning. Deliberately plain and deterministic
/// (counting, not language models) so a leader can check any number by reading the records.
/// </summary>
public class ObservationThemes(LynchpinDbContext db)
{
    public const int TopTerms = 8;
    public const int RecentNoteCount = 3;
    public const int QuoteLength = 200;

    /// <summary>
    /// Words every answer uses that say nothing about the lesson. Words under four letters are dropped anyway, so only
    /// longer ones are listed.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "above", "after", "again", "also", "although", "among", "because", "been", "before", "being", "both",
        "could", "does", "doing", "done", "during", "each", "even", "ever", "every", "from", "further", "have", "having",
        "here", "into", "just", "like", "made", "make", "many", "more", "most", "much", "must", "only", "other", "over",
        "quite", "really", "same", "should", "some", "such", "than", "that", "their", "theirs", "them", "then", "there",
        "these", "they", "this", "those", "through", "under", "until", "very", "were", "what", "when", "where", "which",
        "while", "will", "with", "within", "would", "your", "yours",
    };

    public async Task<Themes> ForSchoolAsync(int schoolId, DateOnly from, DateOnly to, ObservationKind? kind = null,
        CancellationToken cancellationToken = default)
    {
        var records = db.ObservationRecords.AsNoTracking().Where(r => r.SchoolId == schoolId && r.Date >= from && r.Date <= to);
        if (kind is { } k)
        {
            records = records.Where(r => r.Kind == k);
        }

        // Plain grouping: counted in the database.
        var bySubject = await records.GroupBy(r => r.Subject)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byYear = await records.GroupBy(r => r.YearGroup)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var notes = await records.Where(r => r.Notes != null && r.Notes != "")
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(RecentNoteCount)
            .Select(r => new { r.Date, r.Subject, r.ObserverKind, r.Notes })
            .ToListAsync(cancellationToken);

        // Word counts need the text, so they are made in memory — over the questions and answers of the records in the
        // range only (never the school's whole history), loaded without the rest of each record.
        var answered = await records.Select(r => new { r.Questions, r.Answers }).ToListAsync(cancellationToken);
        var byQuestion = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in answered)
        {
            for (var i = 0; i < record.Questions.Count; i++)
            {
                var question = record.Questions[i].Trim();
                if (!byQuestion.TryGetValue(question, out var answers))
                {
                    byQuestion[question] = answers = [];
                    order.Add(question);
                }
                var answer = i < record.Answers.Count ? record.Answers[i] : null;
                if (!string.IsNullOrWhiteSpace(answer))
                {
                    answers.Add(answer);
                }
            }
        }
        var questions = order
            .Select(q => new QuestionTheme(q, byQuestion[q].Count, CountTerms(byQuestion[q])))
            .OrderByDescending(q => q.Answered).ThenBy(q => q.Question, StringComparer.Ordinal)
            .ToList();

        return new Themes(
            answered.Count,
            questions,
            Sorted(bySubject.Select(g => new GroupCount(g.Key, g.Count))),
            Sorted(byYear.Select(g => new GroupCount(g.Key, g.Count))),
            notes.Select(n => new NoteQuote(n.Date, n.Subject, n.ObserverKind, Quote(n.Notes!))).ToList());
    }

    /// <summary>
    /// The most frequent meaningful words and two-word phrases across <paramref name="texts"/>, most first: lower-cased,
    /// punctuation stripped (apostrophes dropped, other marks end a phrase), stop-words and words under four letters
    /// dropped. A phrase is two such words side by side, and is shown only when written at least twice (a phrase once
    /// is no theme). Ties: phrases before words, then alphabetical.
    /// </summary>
    public static IReadOnlyList<TermCount> CountTerms(IEnumerable<string> texts, int top = TopTerms)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var run in Runs(text))
            {
                string? previous = null;
                foreach (var word in run)
                {
                    if (word.Length < 4 || StopWords.Contains(word))
                    {
                        previous = null;
                        continue;
                    }
                    words[word] = words.GetValueOrDefault(word) + 1;
                    if (previous is not null)
                    {
                        var phrase = previous + " " + word;
                        phrases[phrase] = phrases.GetValueOrDefault(phrase) + 1;
                    }
                    previous = word;
                }
            }
        }
        return phrases.Where(p => p.Value >= 2).Select(p => (Term: p.Key, Count: p.Value, Phrase: 0))
            .Concat(words.Select(w => (Term: w.Key, Count: w.Value, Phrase: 1)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Phrase).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(top)
            .Select(t => new TermCount(t.Term, t.Count))
            .ToList();
    }

    /// <summary>Splits text into runs of lower-case words; any punctuation other than an apostrophe ends a run.</summary>
    private static IEnumerable<List<string>> Runs(string text)
    {
        var run = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (c is '\'' or '\u2019')
            {
                // "pupils'" and "didn't" keep their letters.
            }
            else
            {
                if (word.Length > 0)
                {
                    run.Add(word.ToString());
                    word.Clear();
                }
                if (!char.IsWhiteSpace(c) && run.Count > 0)
                {
                    yield return run;
                    run = [];
                }
            }
        }
        if (word.Length > 0)
        {
            run.Add(word.ToString());
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>A note cut at a word boundary near <see cref="QuoteLength"/> characters.</summary>
    public static string Quote(string notes)
    {
        var text = string.Join(' ', notes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= QuoteLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', QuoteLength);
        return text[..(cut > 0 ? cut : QuoteLength)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    private static List<GroupCount> Sorted(IEnumerable<GroupCount> groups) => groups
        .Select(g => g with { Label = string.IsNullOrWhiteSpace(g.Label) ? null : g.Label.Trim() })
        .GroupBy(g => g.Label)
        .Select(g => new GroupCount(g.Key, g.Sum(x => x.Count)))
        .OrderBy(g => g.Label is null).ThenByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.OrdinalIgnoreCase)
        .ToList();
}
