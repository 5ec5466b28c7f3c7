using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Lynchpin.Core.Imports;

/// <summary>
/// A CSV or XLSX file read as a header row and data rows of text, for every import (staff, assessments, timetables…).
/// Headers are trimmed and matched ignoring case; values are trimmed; blank rows are skipped; each row keeps its
/// line number in the file (the header is line 1), which is what the user sees in Excel or a text editor.
/// </summary>
/// <remarks>
/// CSV: UTF-8 with or without a byte order mark, falling back to Windows-1252 (see <see cref="CsvEncoding"/>),
/// CRLF or LF, RFC 4180 quoting. XLSX: the first worksheet, its first used row as headers, cells read as text
/// (date cells as yyyy-MM-dd, numbers without a spurious ".0").
/// </remarks>
public sealed class TabularFile : IDisposable
{
    private readonly Dictionary<string, int> columnIndex;
    private readonly IEnumerable<TabularRow> rows;
    private readonly List<RowError> problems;
    private readonly IDisposable source;

    private TabularFile(IReadOnlyList<string> headers, int headerLine, List<RowError> problems,
        Func<IReadOnlyDictionary<string, int>, IEnumerable<TabularRow>> rows, IDisposable source)
    {
        Headers = headers;
        HeaderLine = headerLine;
        columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            // The first of two same-named columns wins; ValidateColumns reports the clash if the column matters.
            if (headers[i].Length > 0)
            {
                columnIndex.TryAdd(headers[i], i);
            }
        }
        this.problems = problems;
        this.rows = rows(columnIndex);
        this.source = source;
    }

    /// <summary>The trimmed header cells, in file order.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The line of the header row (1 unless an XLSX sheet starts lower down).</summary>
    public int HeaderLine { get; }

    /// <summary>
    /// Problems with the file's own format found while reading rows (such as a quote that is never closed).
    /// Complete only once <see cref="ReadRows"/> has been enumerated to the end.
    /// </summary>
    public IReadOnlyList<RowError> Problems => problems;

    /// <summary>
    /// Opens a CSV or XLSX file, chosen by the file name's extension. <paramref name="headerCell"/>, if given, finds an XLSX
    /// sheet's heading row: the first row holding that cell (the DfE's workbooks put title rows above it).
    /// </summary>
    /// <exception cref="TabularFileException">The file is not .csv or .xlsx, cannot be read, or has no header row.</exception>
    public static TabularFile Open(Stream file, string fileName, string? headerCell = null)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" => OpenCsv(file),
            ".xlsx" => OpenXlsx(file, headerCell),
            _ => throw new TabularFileException(new RowError(0,
                $"\"{Path.GetFileName(fileName)}\" is not a file Lynchpin can read: save it as CSV (.csv) or as an Excel workbook (.xlsx)")),
        };
    }

    /// <summary>Opens a CSV file; its encoding is detected (UTF-8, else Windows-1252).</summary>
    public static TabularFile OpenCsv(Stream file)
    {
        var seekable = Seekable(file);
        ImportLimits.CheckFileSize(seekable.Length);
        var encoding = CsvEncoding.Detect(seekable);
        var options = new CsvReaderOptions
        {
            // Fixed rather than sniffed: a one-column file or a name with a semicolon must not change the meaning.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            Encoding = encoding,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        var problems = new List<RowError>();
        options = options with { OnMalformedRecord = record => ReportMalformed(record, problems) };
        var reader = CsvReader.Create(seekable, options, leaveOpen: ReferenceEquals(seekable, file));
        IReadOnlyList<string> headers;
        try
        {
            headers = reader.Headers.Select(CleanHeader).ToList();
        }
        catch (CsvFormatException e)
        {
            reader.Dispose();
            throw new TabularFileException(new RowError(1, $"The heading row could not be read as CSV: {e.Message}"));
        }
        if (headers.All(h => h.Length == 0))
        {
            reader.Dispose();
            throw new TabularFileException(new RowError(1, "The file is empty: its first line should be the column headings"));
        }
        if (headers.Count == 1 && headers[0].IndexOfAny([';', '\t']) >= 0)
        {
            // Excel in some locales saves "CSV" with semicolons; say so rather than report every column missing.
            reader.Dispose();
            throw new TabularFileException(new RowError(1,
                "The headings are separated by semicolons or tabs, not commas; save the file as \"CSV (Comma delimited)\" or as .xlsx"));
        }
        return new TabularFile(headers, 1, problems, columns => ReadCsvRows(reader, columns), reader);
    }

    /// <summary>Opens the first worksheet of an Excel workbook: its first used row is the headings, or the first holding <paramref name="headerCell"/>.</summary>
    public static TabularFile OpenXlsx(Stream file, string? headerCell = null)
    {
        var seekable = Seekable(file);
        ImportLimits.CheckFileSize(seekable.Length);
        // Measured before ClosedXML loads it whole: a small file can unzip to millions of cells.
        ImportLimits.CheckWorkbook(seekable);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(seekable);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // ClosedXML and the OpenXML SDK throw many kinds of exception for a damaged or mislabelled file.
            throw new TabularFileException(new RowError(0,
                "The file could not be opened as an Excel workbook (.xlsx). Check that it is not password-protected or damaged, or save it as CSV"));
        }
        var sheet = workbook.Worksheets.FirstOrDefault();
        var headerRow = headerCell is null
            ? sheet?.FirstRowUsed()
            : sheet?.RowsUsed().FirstOrDefault(r => r.CellsUsed().Any(c => string.Equals(CleanHeader(CellText(c)), headerCell, StringComparison.OrdinalIgnoreCase)));
        if (sheet is null || headerRow is null)
        {
            workbook.Dispose();
            throw new TabularFileException(new RowError(1, headerCell is null
                ? "The first worksheet is empty: its first row should be the column headings"
                : $"No row of the first worksheet holds the heading {headerCell}: the heading row should"));
        }
        var lastColumn = sheet.LastColumnUsed()!.ColumnNumber();
        var headers = Enumerable.Range(1, lastColumn).Select(c => CleanHeader(CellText(headerRow.Cell(c)))).ToList();
        var headerLine = headerRow.RowNumber();
        return new TabularFile(headers, headerLine, [], columns => ReadXlsxRows(sheet, headerLine, lastColumn, columns), workbook);
    }

    /// <summary>Whether the header has this column (ignoring case and surrounding spaces).</summary>
    public bool HasColumn(string column) => columnIndex.ContainsKey(column);

    /// <summary>
    /// Checks the header row: one error naming every missing required column, and one naming any column the import
    /// uses that appears twice (which copy is meant would be a guess). Other columns are ignored.
    /// </summary>
    public IReadOnlyList<RowError> ValidateColumns(IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        var errors = new List<RowError>();
        var missing = required.Where(c => !HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing);
            errors.Add(new RowError(HeaderLine, missing.Count == 1
                ? $"The column {list} is missing from the heading row"
                : $"The columns {list} are missing from the heading row"));
        }
        var used = required.Concat(optional).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var repeated = Headers.Where(used.Contains)
            .GroupBy(h => h, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (repeated.Count > 0)
        {
            errors.Add(new RowError(HeaderLine,
                $"The heading row has {string.Join(", ", repeated)} more than once; keep one column of each"));
        }
        return errors;
    }

    /// <summary>The data rows, read lazily (a large CSV is never held in memory whole). Enumerate once.</summary>
    public IEnumerable<TabularRow> ReadRows() => rows;

    public void Dispose() => source.Dispose();

    private static IEnumerable<TabularRow> ReadCsvRows(CsvReader reader, IReadOnlyDictionary<string, int> columns)
    {
        while (reader.Read())
        {
            var values = reader.Current.ToArray();
            var row = new TabularRow((int)reader.LineNumber, columns, values);
            if (!row.IsBlank)
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<TabularRow> ReadXlsxRows(IXLWorksheet sheet, int headerRowNumber, int lastColumn, IReadOnlyDictionary<string, int> columns)
    {
        foreach (var sheetRow in sheet.RowsUsed(r => r.RowNumber() > headerRowNumber))
        {
            var values = new string[lastColumn];
            for (var c = 1; c <= lastColumn; c++)
            {
                values[c - 1] = CellText(sheetRow.Cell(c));
            }
            var row = new TabularRow(sheetRow.RowNumber(), columns, values);
            if (!row.IsBlank)
            {
                yield return row;
            }
        }
    }

    /// <summary>A cell as the text a person would type for it: dates as yyyy-MM-dd, 37.0 as 37.</summary>
    internal static string CellText(IXLCell cell)
    {
        // A formula's result is the value Excel saved; re-evaluating it here could fail on functions ClosedXML lacks.
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        if (cell.DataType == XLDataType.DateTime && value is double serial)
        {
            value = DateTime.FromOADate(serial);
        }
        var text = value switch
        {
            null => "",
            DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double number => FormatNumber(number),
            bool flag => flag ? "true" : "false",
            TimeSpan time => time.ToString("c", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return text.Trim();
    }

    private static string FormatNumber(double number)
    {
        // Through decimal, so 37 reads "37" and 52.14 reads "52.14" rather than a binary-fraction tail.
        if (Math.Abs(number) < 7.9e27)
        {
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The stream itself if it can seek, else its contents copied into memory (an upload's request body cannot).</summary>
    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }
        var copy = new MemoryStream();
        // Copied a buffer at a time, so a body over the limit is refused as soon as it passes it.
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, n);
            ImportLimits.CheckFileSize(copy.Length);
        }
        copy.Position = 0;
        return copy;
    }

    private static string CleanHeader(string header) => header.Trim().Trim('\uFEFF').Trim();

    private static void ReportMalformed(CsvMalformedRecord record, List<RowError> problems)
    {
        // Stray quotes (a 12" ruler) and text after a closing quote are recovered sensibly; an unclosed quote
        // swallows the lines after it, which the user must fix.
        if (record.Reason == CsvMalformedReason.UnterminatedQuote)
        {
            problems.Add(new RowError((int)record.LineNumber,
                "This line has a quote mark (\") that is never closed, so the lines after it could not be read; remove the quote or close it"));
        }
    }
}

/// <summary>One data row of a <see cref="TabularFile"/>.</summary>
public sealed class TabularRow
{
    private readonly IReadOnlyDictionary<string, int> columnIndex;
    private readonly string[] values;

    internal TabularRow(int line, IReadOnlyDictionary<string, int> columnIndex, string[] values)
    {
        Line = line;
        this.columnIndex = columnIndex;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = values[i].Trim();
        }
        this.values = values;
    }

    /// <summary>The row's line in the file (the header is line 1).</summary>
    public int Line { get; }

    /// <summary>The trimmed value in this column; empty when the column or the cell is missing.</summary>
    public string this[string column] =>
        columnIndex.TryGetValue(column, out var i) && i < values.Length ? values[i] : "";

    public bool IsBlank => values.All(v => v.Length == 0);

    /// <summary>
    /// The first column whose cell holds a control character other than tab, CR or LF (NUL above all: PostgreSQL cannot
    /// store it, SQLite would), or null. Every import refuses such a row the same way on both databases.
    /// </summary>
    public string? ColumnWithControlCharacter()
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Any(c => c < ' ' && c is not ('\t' or '\r' or '\n')))
            {
                return columnIndex.FirstOrDefault(c => c.Value == i).Key ?? $"column {i + 1}";
            }
        }
        return null;
    }
}

/// <summary>The file as a whole cannot be read as a table; <see cref="Error"/> says why, for the user.</summary>
public sealed class TabularFileException(RowError error) : Exception(error.Message)
{
    public RowError Error { get; } = error;
}
