using System.IO.Compression;
using System.Xml;

namespace Lynchpin.Core.Imports;

/// <summary>
/// How big an import may be, checked once for every import in <see cref="TabularFile"/> and <see cref="Importer{TRow}"/>.
/// Generous for real files — a full GIAS extract (about 52,000 schools, 60 MB of CSV), a large trust's staff, the DfE's
/// national files — and small enough that no file can hold the server: a workbook is measured from its zip entries and
/// a streaming read of its sheet before it is loaded.
/// </summary>
public static class ImportLimits
{
    /// <summary>The largest file read, CSV or XLSX.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Data rows in one file.</summary>
    public const int MaxRows = 250_000;

    /// <summary>Cells in one file (rows times the heading row's columns): a GIAS extract has about 7 million.</summary>
    public const long MaxCells = 10_000_000;

    /// <summary>
    /// Cells in a workbook's first sheet (rows times its widest row): a workbook is loaded whole, so fewer than a CSV.
    /// A 20,000-row staff or assessments sheet has under half a million.
    /// </summary>
    public const long MaxWorkbookCells = 2_000_000;

    /// <summary>A workbook's parts once unzipped (its sheet and shared strings are XML, ten times or more its size).</summary>
    public const long MaxWorkbookUnzippedBytes = 256L * 1024 * 1024;

    /// <summary>Problems listed in a refused import's report; the rest are counted.</summary>
    public const int MaxReportedErrors = 200;

    public static string Megabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";

    internal static TabularFileException TooBig(string what) => new(new RowError(0, what));

    /// <summary>Refuses a file larger than <see cref="MaxFileBytes"/>.</summary>
    internal static void CheckFileSize(long length)
    {
        if (length > MaxFileBytes)
        {
            throw TooBig($"The file is larger than {Megabytes(MaxFileBytes)}; split it into smaller files");
        }
    }

    /// <summary>
    /// Measures a workbook before it is loaded: its zip entries' unzipped sizes, then its first sheet's rows and
    /// widest row read as a stream (stopping at the limit, whatever the entries claim).
    /// </summary>
    internal static void CheckWorkbook(Stream file)
    {
        var start = file.Position;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Sum(e => e.Length) > MaxWorkbookUnzippedBytes)
            {
                throw TooBig($"The workbook unzips to more than {Megabytes(MaxWorkbookUnzippedBytes)}; save it as CSV or split it");
            }
            var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault();
            if (sheet is not null)
            {
                using var stream = new LimitedStream(sheet.Open(), MaxWorkbookUnzippedBytes);
                CountCells(stream);
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip: ClosedXML says the file cannot be opened as a workbook.
        }
        catch (LimitedStream.TooLongException)
        {
            throw TooBig($"The workbook unzips to more than {Megabytes(MaxWorkbookUnzippedBytes)}; save it as CSV or split it");
        }
        file.Position = start;
    }

    private static void CountCells(Stream sheet)
    {
        using var xml = XmlReader.Create(sheet, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        long rows = 0, cells = 0, widest = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (xml.LocalName == "row")
            {
                rows++;
            }
            else if (xml.LocalName == "c")
            {
                cells++;
                widest = Math.Max(widest, ColumnNumber(xml.GetAttribute("r")));
            }
            else
            {
                continue;
            }
            if (cells > MaxWorkbookCells || rows * Math.Max(widest, 1) > MaxWorkbookCells)
            {
                throw TooBig($"The workbook's first sheet has more than {MaxWorkbookCells:N0} cells (rows times columns); " +
                    "delete the rows and columns the import does not need, save it as CSV, or split it");
            }
        }
    }

    /// <summary>The column number of a cell reference such as "AB12" (28); 0 without one.</summary>
    private static long ColumnNumber(string? reference)
    {
        long column = 0;
        foreach (var c in reference ?? "")
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    /// <summary>A read-only stream that throws once more than its limit has been read.</summary>
    internal sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public sealed class TooLongException : Exception;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            read += n;
            return read > limit ? throw new TooLongException() : n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
