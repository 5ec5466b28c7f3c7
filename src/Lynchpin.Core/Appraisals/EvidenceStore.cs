using System.Security.Cryptography;
using Lynchpin.Core.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Core.Appraisals;

/// <summary>
/// Where evidence files go: the database (<see cref="EvidenceFile"/>, the default) or a folder outside the web root
/// (<c>Lynchpin:EvidenceStorage</c> = Folder, or <c>Lynchpin:EvidenceFolder</c> set). With the database, files kept in the
/// folder before are still read from it, so an upgrade loses nothing.
/// </summary>
public record EvidenceOptions(string Folder, bool InDatabase = false);

/// <summary>A file kept by <see cref="EvidenceStore"/>: its random stored name and what was checked about it.</summary>
public record StoredFile(string StoredName, string FileName, string ContentType, long Length);

/// <summary>
/// Keeps evidence files under random names, in the database or on disk (see <see cref="EvidenceOptions"/>). The uploaded
/// name is kept only for display: it never becomes part of a path, and the content type comes from the extension and the
/// file's first bytes, not from the browser. A singleton: database work goes through a scope of its own.
/// </summary>
public class EvidenceStore(EvidenceOptions options, IServiceScopeFactory? scopes = null)
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

    public bool InDatabase => options.InDatabase;

    public EvidenceOptions Options => options;

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
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(storedName);
        if (!options.InDatabase)
        {
            Directory.CreateDirectory(options.Folder);
        }

        long length = 0;
        var head = new byte[8];
        var headLength = 0;
        // In the database the file is held in memory (at most 10 MB) and written in one row once checked.
        Stream target = options.InDatabase ? new MemoryStream()
            : new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        FieldError? refused;
        await using (target)
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
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            refused = length == 0 ? new("File", "The selected file is empty")
                : length > MaxLength ? new("File", "The file must be smaller than 10 MB")
                : signatures.Length > 0 && !signatures.Any(s => headLength >= s.Length && head.AsSpan(0, s.Length).SequenceEqual(s))
                    ? new("File", $"The file's content is not a {Path.GetExtension(displayName).TrimStart('.').ToUpperInvariant()} file")
                : null;
            if (refused is null && target is MemoryStream memory)
            {
                await WithDbAsync(db =>
                {
                    db.EvidenceFiles.Add(new EvidenceFile { StoredName = storedName, Content = memory.ToArray(), StoredAt = DateTime.UtcNow });
                    return db.SaveChangesAsync(cancellationToken);
                });
            }
        }
        if (refused is not null)
        {
            if (!options.InDatabase)
            {
                File.Delete(path);
            }
            return Result<StoredFile>.Fail(refused);
        }
        return Result<StoredFile>.Done(new StoredFile(storedName, Truncate(displayName), contentType, length));
    }

    /// <summary>Opens a stored file for reading, or null if it is not there (in the database, or in the folder).</summary>
    public async Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(storedName);
        if (options.InDatabase && await WithDbAsync(db => db.EvidenceFiles.AsNoTracking().Where(f => f.StoredName == storedName)
                .Select(f => f.Content).SingleOrDefaultAsync(cancellationToken)) is { } bytes)
        {
            return new MemoryStream(bytes, writable: false);
        }
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Removes a stored file wherever it is kept.</summary>
    public async Task DeleteAsync(string storedName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(storedName);
        if (options.InDatabase)
        {
            await WithDbAsync(db => db.EvidenceFiles.Where(f => f.StoredName == storedName).ExecuteDeleteAsync(cancellationToken));
        }
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private async Task<T> WithDbAsync<T>(Func<LynchpinDbContext, Task<T>> action)
    {
        if (scopes is null)
        {
            throw new InvalidOperationException("Evidence kept in the database needs the app's services.");
        }
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<LynchpinDbContext>());
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
