namespace Lynchpin.Core.Data.Models;

/// <summary>
/// A version stamp for data that is not one school's: <see cref="DataVersions.Structure"/> goes up with every change to
/// who works where and for whom (staff records, schools, trusts), which access scopes are built from.
/// </summary>
public class DataVersion
{
    public const int NameMaxLength = 40;

    public required string Name { get; set; }

    public long Version { get; set; }
}
