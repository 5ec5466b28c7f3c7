using System.Security.Cryptography;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

/// <summary>Where evidence files go: a folder outside the web root (configured as <c>Lynchpin:EvidenceFolder</c>).</summary>
public record EvidenceOptions(string Folder);

/// <summary>A file kept by <see cref="EvidenceStore"/>: its random stored name and what was checked about it.</summary>
public record StoredFile(string StoredName, string FileName, string ContentType, long Length);

/// <summary>
/// Keeps review evidence files on disk under random names. The uploaded name is kept only for display: it never
/// becomes part of a path, and the content type comes from the extension and the file's first bytes, not from the browser.
/// </summary>
public class EvidenceStore(EvidenceOptions options)
{
    public const long MaxLength = 10 * 1024 * 1024;

    /// <summary>The allowed extensions, each with the content type it is served as and the bytes such a file starts with.</summary>
    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip]),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", [Zip]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".txt"] = ("text/plain; charset=utf-8", []),
    };

    private static byte[] Zip => [0x50, 0x4B, 0x03, 0x04];

    public static IReadOnlyList<string> AllowedExtensions { get; } = Allowed.Keys.ToList();

    /// <summary>Words for a hint under the upload field.</summary>
    public const string AllowedDescription = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG, JPEG or text, up to 10 MB";

    public string Folder => options.Folder;

    /// <summary>What is wrong with an upload before reading it: no file, too big, or a type that is not allowed.</summary>
    public static FieldError? Check(string? fileName, long length)
    {
        if (string.IsNullOrWhiteSpace(fileName) || length == 0)
        {
            return new("File", "Select a file");
        }
        if (length > MaxLength)
        {
            return new("File", "The file must be smaller than 10 MB");
        }
        return Allowed.ContainsKey(Path.GetExtension(fileName)) ? null : new("File", $"The file must be a {AllowedDescription}");
    }

    /// <summary>Saves the stream under a new random name; refuses it if it is too big or its content does not match its type.</summary>
    public async Task<Result<StoredFile>> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        // The browser may send a full path (old versions of Internet Explorer did); only the last part is a name.
        var displayName = Path.GetFileName(fileName.Replace('\\', '/'));
        if (Check(displayName, 1) is { } error)
        {
            return Result<StoredFile>.Fail(error);
        }
        var (contentType, signatures) = Allowed[Path.GetExtension(displayName)];
        Directory.CreateDirectory(options.Folder);
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(storedName);

        long length = 0;
        var head = new byte[8];
        var headLength = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                length += read;
                if (length > MaxLength)
                {
                    break;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        FieldError? refused = length == 0 ? new("File", "The selected file is empty")
            : length > MaxLength ? new("File", "The file must be smaller than 10 MB")
            : signatures.Length > 0 && !signatures.Any(s => headLength >= s.Length && head.AsSpan(0, s.Length).SequenceEqual(s))
                ? new("File", $"The file's content is not a {Path.GetExtension(displayName).TrimStart('.').ToUpperInvariant()} file")
            : null;
        if (refused is not null)
        {
            File.Delete(path);
            return Result<StoredFile>.Fail(refused);
        }
        return Result<StoredFile>.Done(new StoredFile(storedName, Truncate(displayName), contentType, length));
    }

    /// <summary>Opens a stored file for reading, or null if it is not there.</summary>
    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Stored names are 32 lowercase hex characters made here; anything else is refused rather than turned into a path.</summary>
    private string PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("Not a stored evidence name.", nameof(storedName));
        }
        return Path.Combine(options.Folder, storedName);
    }

    private static string Truncate(string name) =>
        name.Length <= Data.Models.Evidence.FileNameMaxLength ? name : name[..(Data.Models.Evidence.FileNameMaxLength - Path.GetExtension(name).Length)] + Path.GetExtension(name);
}
