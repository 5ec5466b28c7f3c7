using AngleSharp.Html.Parser;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>The form helpers send what a browser would.</summary>
public class HtmlTests
{
    private const string Page = """
        <form method="post" action="/sign-in?returnUrl=%2Fstaff">
          <input type="hidden" name="__RequestVerificationToken" value="token-123">
          <input id="Input_Email" name="Input.Email" type="email" value="">
          <input id="Input_Password" name="Input.Password" type="password">
          <input name="Input.RememberMe" type="checkbox" value="true">
          <input name="Input.Kind" type="radio" value="a">
          <input name="Input.Kind" type="radio" value="b" checked>
          <select name="Input.School"><option value="1">One</option><option value="2" selected>Two</option></select>
          <textarea name="Input.Note">Hello</textarea>
          <input name="Input.Disabled" value="x" disabled>
          <button type="submit">Sign in</button>
        </form>
        """;

    [Fact]
    public void FormValues_TypicalForm_SendsTokenFieldsCheckedChoicesOnly()
    {
        // Arrange
        var document = new HtmlParser().ParseDocument(Page);
        var form = Html.FormWithField(document, "Input.Email");

        // Act
        var values = Html.FormValues(form);

        // Assert
        Assert.Equal("token-123", values["__RequestVerificationToken"]);
        Assert.Equal("", values["Input.Email"]);
        Assert.Equal("b", values["Input.Kind"]);
        Assert.Equal("2", values["Input.School"]);
        Assert.Equal("Hello", values["Input.Note"]);
        Assert.False(values.ContainsKey("Input.RememberMe"));
        Assert.False(values.ContainsKey("Input.Disabled"));
    }

    [Fact]
    public void FormWithField_NoSuchField_ThrowsNamingTheField()
    {
        // Arrange
        var document = new HtmlParser().ParseDocument(Page);

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => Html.FormWithField(document, "Input.Missing"));

        // Assert
        Assert.Contains("Input.Missing", error.Message);
    }
}
