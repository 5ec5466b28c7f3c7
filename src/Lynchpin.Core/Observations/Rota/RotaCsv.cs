using System.Globalization;

namespace Lynchpin.Core.Observations.Rota;

/// <summary>Writes a rota as CSV, one visit a row, RFC 4180 quoting, dates as yyyy-MM-dd, text that looks like a formula made text.</summary>
public static class RotaCsv
{
    public const string Header = "date,week,day,period,observer_ref,observee_ref,class,subject,year_group,room";

    public static void Write(TextWriter writer, IEnumerable<Visit> visits)
    {
        writer.Write(Header + "\r\n");
        foreach (var v in visits)
        {
            string[] fields =
            [
                v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                v.Week == TimetableWeek.Every ? "" : v.Week.ToString(),
                v.Date.ToString("ddd", CultureInfo.InvariantCulture),
                v.Period, v.ObserverRef, v.ObserveeRef, v.Class, v.Subject, v.YearGroup, v.Room,
            ];
            writer.Write(SpreadsheetText.CsvLine(fields));
        }
    }

    public static string ToCsv(IEnumerable<Visit> visits)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, visits);
        return writer.ToString();
    }
}
