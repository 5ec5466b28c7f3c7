namespace Lynchpin.Core.Kernel;

/// <summary>
/// Text written into a CSV or XLSX export. A value a person typed that starts with = + - @, a tab or a carriage
/// return would be read by Excel or LibreOffice as a formula (a link that sends data away, a command); an apostrophe
/// in front makes it text. Every export writes its text cells through <see cref="Safe"/>; numbers and dates are not text.
/// (In an XLSX, ClosedXML stores the apostrophe as Excel's quote prefix: the cell shows the text as typed.)
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
