using System.Text;

namespace Lynchpin.Core.Imports;

/// <summary>
/// Works out how a CSV file's bytes are encoded. Excel's "CSV UTF-8" writes a byte order mark, plain "CSV" and the
/// DfE's GIAS extract write Windows-1252, and other tools write UTF-8 without a mark.
/// </summary>
public static class CsvEncoding
{
    private const int ScanBufferSize = 64 * 1024;
    private static readonly byte[] Utf16LittleEndianMark = [0xFF, 0xFE];
    private static readonly byte[] Utf16BigEndianMark = [0xFE, 0xFF];

    /// <summary>Windows-1252 ("ANSI" on an English Windows), which .NET only offers through the code pages provider.</summary>
    public static Encoding Windows1252 { get; } = CreateWindows1252();

    /// <summary>
    /// A byte order mark means UTF-8 (or the UTF-16/32 it names); otherwise the whole stream is checked as strict UTF-8
    /// and, if any byte sequence is invalid, it is Windows-1252 (where every byte is a character). Plain ASCII passes as
    /// UTF-8, which reads it the same way. The stream is left at its start.
    /// </summary>
    /// <returns>The encoding, or <see langword="null"/> for a UTF-16/32 mark, which the CSV reader honours itself.</returns>
    public static Encoding? Detect(Stream seekable)
    {
        var start = seekable.Position;
        try
        {
            Span<byte> head = stackalloc byte[4];
            var read = seekable.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            if (head.StartsWith("\uFEFF"u8))
            {
                return Encoding.UTF8;
            }
            if (head.StartsWith(Utf16LittleEndianMark) || head.StartsWith(Utf16BigEndianMark))
            {
                return null;
            }
            seekable.Position = start;
            return IsValidUtf8(seekable) ? Encoding.UTF8 : Windows1252;
        }
        finally
        {
            seekable.Position = start;
        }
    }

    private static bool IsValidUtf8(Stream stream)
    {
        // A decoder (not Utf8.IsValid per buffer) so that a character split across two reads is judged whole.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[ScanBufferSize];
        var chars = new char[ScanBufferSize + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
