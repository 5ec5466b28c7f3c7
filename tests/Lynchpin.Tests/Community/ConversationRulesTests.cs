using Lynchpin.Core.Community;
using Lynchpin.Core.Schools;

namespace Lynchpin.Tests.Community;

/// <summary>When a person is due a professional conversation, and the form's rules, without a database.</summary>
public class ConversationRulesTests
{
    /// <summary>Autumn 2026 with a half-term break from 26 October to 30 October.</summary>
    private static readonly TermCalendar WithHalfTerms = new([
        new TermDates(2026, TermName.Autumn, new DateOnly(2026, 9, 3), new DateOnly(2026, 12, 18), new DateOnly(2026, 10, 26), new DateOnly(2026, 10, 30)),
        new TermDates(2026, TermName.Spring, new DateOnly(2027, 1, 5), new DateOnly(2027, 3, 26)),
        new TermDates(2026, TermName.Summer, new DateOnly(2027, 4, 12), new DateOnly(2027, 7, 21)),
    ]);

    [Theory]
    // Late in the second half of autumn: since the day after the break, 31 October (earlier than six weeks ago).
    [InlineData("2026-12-17", "2026-10-31")]
    // Early in it: six weeks ago, so a conversation just before the break still counts.
    [InlineData("2026-11-09", "2026-09-28")]
    // In the first half term: since it began on 3 September, once that is more than six weeks ago.
    [InlineData("2026-10-20", "2026-09-03")]
    public void DueIfNoneSince_WithTheSchoolsHalfTerms_IsTheEarlierOfTheHalfTermsStartAndSixWeeksAgo(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ProfessionalConversations.DueIfNoneSince(WithHalfTerms, DateOnly.Parse(today)));

    [Fact]
    public void DueIfNoneSince_WithoutTermDates_IsSixWeeksAgo() =>
        Assert.Equal(new DateOnly(2026, 10, 26), ProfessionalConversations.DueIfNoneSince(TermCalendar.Weekdays, new DateOnly(2026, 12, 7)));

    [Fact]
    public void Validate_TwoFoci_AreRefusedOnTheFocus()
    {
        var choices = new FocusChoices(3, [new FocusOption(7, "Uses questioning to check understanding")], []);
        var input = new ConversationInput(new DateOnly(2026, 12, 1), true, false, 7, null, "And my own words", "Agreed", null, null);

        var errors = ProfessionalConversations.Validate(input, choices, new DateOnly(2026, 12, 7));

        Assert.Equal("Focus", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_ACriterionNotOfTheirStage_IsRefused()
    {
        var choices = new FocusChoices(3, [new FocusOption(7, "Uses questioning to check understanding")], []);
        var input = new ConversationInput(new DateOnly(2026, 12, 1), true, false, 8, null, null, "Agreed", null, null);

        var errors = ProfessionalConversations.Validate(input, choices, new DateOnly(2026, 12, 7));

        Assert.Equal("CriterionId", Assert.Single(errors).Field);
    }
}
