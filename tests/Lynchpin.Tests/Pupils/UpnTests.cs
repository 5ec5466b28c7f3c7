using Lynchpin.Core.Pupils;

namespace Lynchpin.Tests.Pupils;

public class UpnTests
{
    // Worked by hand for "201123425001" (LA 201, establishment 1234, year 25, serial 001): characters 2-13 times their
    // positions: 2·2 + 0·3 + 1·4 + 1·5 + 2·6 + 3·7 + 4·8 + 2·9 + 5·10 + 0·11 + 0·12 + 1·13
    //   = 4 + 0 + 4 + 5 + 12 + 21 + 32 + 18 + 50 + 0 + 0 + 13 = 159; 159 mod 23 = 21 (23·6 = 138); letter 21 of
    //   ABCDEFGHJKLMNPQRTUVWXYZ is Y.
    [Fact]
    public void CheckLetterFor_DigitsWorkedByHand_IsY()
    {
        Assert.Equal('Y', Upn.CheckLetterFor("201123425001"));
        Assert.True(Upn.IsValid("Y201123425001"));
    }

    // "999000026001": 9·2 + 9·3 + 9·4 + 0 + 0 + 0 + 0 + 2·9 + 6·10 + 0 + 0 + 1·13 = 18 + 27 + 36 + 18 + 60 + 13 = 172;
    // 172 mod 23 = 11 (23·7 = 161); letter 11 is M.
    [Fact]
    public void CheckLetterFor_SecondHandWorkedExample_IsM()
    {
        Assert.Equal('M', Upn.CheckLetterFor("999000026001"));
    }

    // A temporary UPN ends in a letter, counted by its place in the same list: "20112342500" then A (0):
    // 159 − 1·13 = 146 with A worth 0; 146 mod 23 = 8 (23·6 = 138); letter 8 is J.
    [Fact]
    public void CheckLetterFor_TemporaryUpnEndingInALetter_CountsTheLetterByItsPlace()
    {
        Assert.Equal('J', Upn.CheckLetterFor("20112342500A"));
        Assert.True(Upn.IsValid("J20112342500A"));
    }

    [Fact]
    public void Problem_WrongCheckLetter_SaysWhichLetterTheDigitsGive()
    {
        var problem = Upn.Problem("A201123425001");

        Assert.NotNull(problem);
        Assert.Contains("check letter A", problem);
        Assert.Contains("give Y", problem);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Y20112342500", "12 characters")]
    [InlineData("Y2011234250012", "14 characters")]
    [InlineData("Y20112342S001", "letter followed by 11 digits")]
    [InlineData("Y20112342500I", "letter followed by 11 digits")]
    public void Problem_MalformedUpns_AreRefusedWithAReason(string text, string expected)
    {
        Assert.Contains(expected, Upn.Problem(text));
    }

    [Fact]
    public void Normalise_LowerCaseWithSpaces_IsTheSameUpn()
    {
        Assert.Equal("Y201123425001", Upn.Normalise("  y201123425001 "));
        Assert.True(Upn.IsValid(" y201123425001"));
        Assert.Equal("201", Upn.AllocatingLaCode("Y201123425001"));
    }

    [Fact]
    public void CheckLetterFor_AnyTwelveDigits_MakesAUpnThatIsValidAndOneOffIsNot()
    {
        var random = new Random(12);
        for (var i = 0; i < 500; i++)
        {
            var digits = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));
            var letter = Upn.CheckLetterFor(digits)!.Value;
            Assert.True(Upn.IsValid(letter + digits));
            // Changing one digit by one changes the sum by its weight (2 to 13), never a multiple of 23.
            var position = random.Next(12);
            var changed = digits.ToCharArray();
            changed[position] = changed[position] == '9' ? '8' : (char)(changed[position] + 1);
            Assert.False(Upn.IsValid(letter + new string(changed)));
        }
    }
}
