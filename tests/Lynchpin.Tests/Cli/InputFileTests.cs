using Lynchpin.Web.Cli;

namespace Lynchpin.Tests.Cli;

public sealed class InputFileTests : IDisposable
{
    private readonly string _shellFolder = Directory.CreateTempSubdirectory("lynchpin-shell-").FullName;

    public void Dispose() => Directory.Delete(_shellFolder, recursive: true);

    [Fact]
    public void InputFile_RelativePathMissingHereButInShellFolder_ResolvesAgainstTheShellFolder()
    {
        // Arrange
        var name = $"staff-{Guid.NewGuid():N}.csv";
        File.WriteAllText(Path.Combine(_shellFolder, name), "staff_ref");

        // Act
        var file = CommandLine.InputFile(new FileInfo(name), _shellFolder);

        // Assert
        Assert.True(file.Exists);
        Assert.Equal(Path.Combine(_shellFolder, name), file.FullName);
    }

    [Fact]
    public void InputFile_MissingEverywhere_KeepsThePathAsTyped()
    {
        // Arrange
        var name = $"missing-{Guid.NewGuid():N}.csv";

        // Act
        var file = CommandLine.InputFile(new FileInfo(name), _shellFolder);

        // Assert
        Assert.False(file.Exists);
        Assert.Equal(Path.GetFullPath(name), file.FullName);
    }

    [Fact]
    public void InputFile_WithoutAShellFolder_KeepsThePathAsTyped()
    {
        // Arrange
        var name = $"staff-{Guid.NewGuid():N}.csv";
        File.WriteAllText(Path.Combine(_shellFolder, name), "staff_ref");

        // Act
        var file = CommandLine.InputFile(new FileInfo(name), null);

        // Assert
        Assert.False(file.Exists);
    }
}
