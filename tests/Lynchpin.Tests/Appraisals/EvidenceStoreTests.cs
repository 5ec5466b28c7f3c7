using System.Text;
using Lynchpin.Core.Appraisals;
using Lynchpin.Web;
using Microsoft.Extensions.Configuration;

namespace Lynchpin.Tests.Appraisals;

/// <summary>Evidence files on disk: allowed types only, at most 10 MB, random names, and the uploaded name never a path.</summary>
public sealed class EvidenceStoreTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% a tiny test file\n");

    private readonly string folder = Path.Combine(Path.GetTempPath(), "lynchpin-tests", $"evidence-{Guid.NewGuid():N}");
    private readonly EvidenceStore store;

    public EvidenceStoreTests() => store = new EvidenceStore(new EvidenceOptions(folder));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string[] StoredFiles() => Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    [Fact]
    public async Task Save_Pdf_StoresTheBytesUnderARandomNameInTheFolder()
    {
        // Act
        var result = await store.SaveAsync(new MemoryStream(Pdf), "Boiler log.pdf");

        // Assert
        var file = result.Value!;
        Assert.Matches("^[0-9a-f]{32}$", file.StoredName);
        Assert.Equal(("Boiler log.pdf", "application/pdf", (long)Pdf.Length), (file.FileName, file.ContentType, file.Length));
        Assert.Equal(Path.Combine(folder, file.StoredName), Assert.Single(StoredFiles()));
        await using var read = (await store.OpenReadAsync(file.StoredName))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(Pdf, copy.ToArray());
    }

    [Fact]
    public async Task Save_SameFileTwice_GetsTwoNames()
    {
        var first = await store.SaveAsync(new MemoryStream(Pdf), "a.pdf");
        var second = await store.SaveAsync(new MemoryStream(Pdf), "a.pdf");

        Assert.NotEqual(first.Value!.StoredName, second.Value!.StoredName);
        Assert.Equal(2, StoredFiles().Length);
    }

    [Theory]
    [InlineData(@"..\..\etc\passwd.pdf", "passwd.pdf")]
    [InlineData("../../wwwroot/evil.pdf", "evil.pdf")]
    [InlineData(@"C:\Users\pat\Documents\log.pdf", "log.pdf")]
    public async Task Save_NameWithAPath_KeepsOnlyTheLastPartAndStoresInTheFolder(string uploaded, string expected)
    {
        var result = await store.SaveAsync(new MemoryStream(Pdf), uploaded);

        Assert.Equal(expected, result.Value!.FileName);
        Assert.Equal(folder, Path.GetDirectoryName(Assert.Single(StoredFiles())));
    }

    [Theory]
    [InlineData("script.html")]
    [InlineData("program.exe")]
    [InlineData("macro.docm")]
    [InlineData("no-extension")]
    public async Task Save_TypeNotAllowed_IsRefusedAndNothingIsWritten(string name)
    {
        var result = await store.SaveAsync(new MemoryStream(Pdf), name);

        Assert.Equal("File", Assert.Single(result.Errors).Field);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Save_ContentThatIsNotItsType_IsRefusedAndRemoved()
    {
        var result = await store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("<script>alert(1)</script>")), "photo.png");

        Assert.Equal("The file's content is not a PNG file", Assert.Single(result.Errors).Message);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Save_OverTenMegabytes_IsRefusedAndRemoved()
    {
        var big = new byte[EvidenceStore.MaxLength + 1];
        Pdf.CopyTo(big, 0);

        var result = await store.SaveAsync(new MemoryStream(big), "big.pdf");

        Assert.Equal("The file must be smaller than 10 MB", Assert.Single(result.Errors).Message);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Save_ExactlyTenMegabytesOfText_IsKept()
    {
        var result = await store.SaveAsync(new MemoryStream(new byte[EvidenceStore.MaxLength]), "notes.txt");

        Assert.Equal(EvidenceStore.MaxLength, result.Value!.Length);
        Assert.Equal("text/plain; charset=utf-8", result.Value.ContentType);
    }

    [Fact]
    public async Task Save_EmptyFile_IsRefused()
    {
        var result = await store.SaveAsync(new MemoryStream(), "empty.txt");

        Assert.False(result.Succeeded);
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("../lynchpin.db")]
    [InlineData("0123456789abcdef0123456789ABCDEF")]
    [InlineData("")]
    public async Task OpenRead_NameNotMadeByTheStore_IsRefused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(name));
    }

    [Fact]
    public void Check_BeforeReading_RefusesTooBigAndUnknownTypes()
    {
        Assert.Null(EvidenceStore.Check("plan.docx", 1000));
        Assert.NotNull(EvidenceStore.Check("plan.docx", EvidenceStore.MaxLength + 1));
        Assert.NotNull(EvidenceStore.Check("plan.svg", 1000));
        Assert.NotNull(EvidenceStore.Check(null, 1000));
    }

    [Fact]
    public void Folder_ByDefault_IsBesideTheSqliteDatabaseAndConfigurable()
    {
        var root = Path.Combine(Path.GetTempPath(), "lynchpin-app");
        EvidenceOptions From(params (string Key, string Value)[] settings) => LynchpinApp.EvidenceOptionsFrom(
            new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(),
            new TestHostEnvironment(root));

        Assert.Equal("/srv/lynchpin/data/evidence", From(("ConnectionStrings:Lynchpin", "Data Source=/srv/lynchpin/data/lynchpin.db")).Folder);
        Assert.Equal(Path.Combine(root, "data", "evidence"), From(("Database:Provider", "Postgres"), ("ConnectionStrings:Lynchpin", "Host=db")).Folder);
        Assert.Equal("/var/lib/evidence", From(("Lynchpin:EvidenceFolder", "/var/lib/evidence")).Folder);
        Assert.Equal(Path.Combine(root, "files"), From(("Lynchpin:EvidenceFolder", "files")).Folder);
    }

    [Fact]
    public void InDatabase_ByDefault_UnlessAFolderIsConfigured()
    {
        static EvidenceOptions From(params (string Key, string Value)[] settings) => LynchpinApp.EvidenceOptionsFrom(
            new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(), null);

        Assert.True(From().InDatabase);
        Assert.True(From(("Lynchpin:EvidenceStorage", "Database")).InDatabase);
        Assert.False(From(("Lynchpin:EvidenceStorage", "Folder")).InDatabase);
        Assert.False(From(("Lynchpin:EvidenceFolder", "/var/lib/evidence")).InDatabase);
    }

    private sealed class TestHostEnvironment(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Lynchpin";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
