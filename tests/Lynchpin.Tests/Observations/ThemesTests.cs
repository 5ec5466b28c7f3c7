using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations;

/// <summary>Themes across observation records (words per focus question, subjects, year groups, latest notes), on both providers.</summary>
public abstract class ThemesTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ThemesTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ThemesTests(app), IClassFixture<PostgresAppFactory>;

    private const string Challenge = "How are pupils challenged?";
    private const string Reading = "How is reading supported?";
    private static readonly DateOnly November1 = new(2026, 11, 1);
    private static readonly DateOnly November30 = new(2026, 11, 30);

    /// <summary>
    /// Worked by hand, 1 to 30 November (the October record is outside; its "reasoning" three times would put that word first).
    /// <code>
    /// Challenge answers: pupils 3, reasoning 3, "reasoning questions" 2, questions 2, then once each (alphabetical):
    ///   challenged, class, explained, extension — tasks and stretched fall outside the top 8; phrases written once are left out.
    ///   Answered 3 times (Tom's Tue 10 record leaves it blank).
    /// Reading answers: reading 3, "reading aloud" 2, aloud 2, pairs 1, questions 1. Answered twice.
    /// Subjects: Maths 2, English 1, Science 1. Year groups: 9 twice, 10 once, one not given.
    /// Latest notes: Tue 10 (Science, teacher), Tue 3 (Maths, SLT), Mon 2 (Maths, pastoral) — Mon 9 has none.
    /// </code>
    /// </summary>
    private async Task<ObservationSchool> CreateWithRecordsAsync()
    {
        var s = await CreateStaffAsync(Data);
        await Data.WithDbAsync(async db =>
        {
            db.ObservationRecords.AddRange(
                Record(s, s.Amira, ObserverKind.Pastoral, s.Tom, Mon2, "Maths", "9",
                    ["Pupils were challenged with reasoning questions.", ""], "Pupils discussed their reasoning in pairs."),
                Record(s, s.Sam, ObserverKind.Slt, s.Tom, Tue3, "Maths", "10",
                    ["Reasoning questions stretched the class; the pupils explained their reasoning.", "Reading aloud in pairs"], "Strong questioning throughout."),
                Record(s, s.Jo, ObserverKind.Support, s.Sara, Mon9, "English", "9",
                    ["Pupils had extension tasks", "Reading aloud, then reading questions"], null, ObservationKind.DropIn),
                Record(s, s.Ravi, ObserverKind.MiddleLeader, s.Sara, new DateOnly(2026, 10, 1), "Maths", "9",
                    ["Reasoning, reasoning and reasoning", "Phonics"], "An October note."),
                Record(s, s.Sara, ObserverKind.Teacher, s.Tom, Tue10, "Science", null,
                    ["", ""], "Practical work was well organised."));
            return await db.SaveChangesAsync();
        });
        return s;
    }

    [SkippableFact]
    public async Task ForSchool_HandCheckedRecords_CountsWordsAndPhrasesInRangeOnly()
    {
        // Arrange
        var s = await CreateWithRecordsAsync();

        // Act
        var themes = await ThemesAsync(s, null);

        // Assert
        Assert.Equal(4, themes.Records);
        Assert.Equal([(Challenge, 3), (Reading, 2)], themes.Questions.Select(q => (q.Question, q.Answered)));
        Assert.Equal(
            [("pupils", 3), ("reasoning", 3), ("reasoning questions", 2), ("questions", 2), ("challenged", 1), ("class", 1), ("explained", 1), ("extension", 1)],
            themes.Questions[0].Terms.Select(t => (t.Term, t.Count)));
        Assert.Equal([("reading", 3), ("reading aloud", 2), ("aloud", 2), ("pairs", 1), ("questions", 1)],
            themes.Questions[1].Terms.Select(t => (t.Term, t.Count)));
        Assert.Equal([("Maths", 2), ("English", 1), ("Science", 1)], themes.BySubject.Select(g => (g.Label, g.Count)));
        Assert.Equal([("9", 2), ("10", 1), (null, 1)], themes.ByYearGroup.Select(g => (g.Label, g.Count)));
        Assert.Equal(
            [(Tue10, "Science", ObserverKind.Teacher, "Practical work was well organised."), (Tue3, "Maths", ObserverKind.Slt, "Strong questioning throughout."),
             (Mon2, "Maths", ObserverKind.Pastoral, "Pupils discussed their reasoning in pairs.")],
            themes.RecentNotes.Select(n => (n.Date, n.Subject, n.ObserverKind, n.Text)));
    }

    [SkippableFact]
    public async Task ForSchool_OneKind_CountsOnlyThoseRecords()
    {
        var s = await CreateWithRecordsAsync();

        var themes = await ThemesAsync(s, ObservationKind.DropIn);

        Assert.Equal(1, themes.Records);
        Assert.Equal([("extension", 1), ("pupils", 1), ("tasks", 1)], themes.Questions.Single(q => q.Question == Challenge).Terms.Select(t => (t.Term, t.Count)));
        Assert.Equal([("English", 1)], themes.BySubject.Select(g => (g.Label, g.Count)));
        Assert.Empty(themes.RecentNotes);
    }

    [Fact]
    public void CountTerms_DropsStopWordsShortWordsAndPunctuation()
    {
        var terms = ObservationThemes.CountTerms(["They were very QUIET, and were with the teacher!", "Quiet; the teacher's voice... quiet teacher's"]);

        // "they", "were", "very" and "with" are stop-words, "and" and "the" too short; "teacher's" loses its apostrophe.
        // Punctuation ends a phrase, so the only phrases ("teachers voice", "quiet teachers") are written once and left out.
        Assert.Equal([("quiet", 3), ("teachers", 2), ("teacher", 1), ("voice", 1)], terms.Select(t => (t.Term, t.Count)));
    }

    [Fact]
    public void Quote_LongNote_IsCutAtAWord()
    {
        var note = string.Join(' ', Enumerable.Repeat("learning", 40));

        var quote = ObservationThemes.Quote(note);

        Assert.True(quote.Length <= ObservationThemes.QuoteLength + 1, quote);
        Assert.EndsWith("learning…", quote, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CoveragePage_ShowsThemesWithTheTopWord()
    {
        // Arrange
        var s = await CreateWithRecordsAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/observations/coverage?from=2026-11-01&to=2026-11-30");

        // Assert
        var document = await PageAssert.OkAsync(response);
        var question = document.QuerySelector("#themes #question-1")!;
        Assert.StartsWith(Challenge, PageAssert.Text(question.QuerySelector("caption")), StringComparison.Ordinal);
        Assert.Equal(["pupils", "3"], question.QuerySelectorAll("tbody tr")[0].Children.Select(PageAssert.Text));
        Assert.Equal(8, question.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Maths", "2"], document.QuerySelectorAll("#by-subject tbody tr")[0].Children.Select(PageAssert.Text));
        var notes = document.QuerySelectorAll("#recent-notes li").Select(PageAssert.Text).ToList();
        Assert.Equal(3, notes.Count);
        Assert.Contains("Practical work was well organised.", notes[0], StringComparison.Ordinal);
        Assert.Contains("by a teacher", notes[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Sara", notes[0], StringComparison.Ordinal);
    }

    private async Task<Themes> ThemesAsync(ObservationSchool s, ObservationKind? kind)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObservationThemes>().ForSchoolAsync(s.School.Id, November1, November30, kind);
    }

    private static ObservationRecord Record(ObservationSchool school, StaffMember observer, ObserverKind observerKind, StaffMember observee, DateOnly date,
        string subject, string? yearGroup, List<string> answers, string? notes, ObservationKind kind = ObservationKind.LearningWalk) => new()
    {
        SchoolId = school.School.Id,
        Kind = kind,
        ObserverId = observer.Id,
        ObserverKind = observerKind,
        ObserveeId = observee.Id,
        Date = date,
        Subject = subject,
        YearGroup = yearGroup,
        Questions = [Challenge, Reading],
        Answers = answers,
        Notes = notes,
        CreatedAt = Now.UtcDateTime,
        UpdatedAt = Now.UtcDateTime,
        CreatedByName = "Test",
    };
}
