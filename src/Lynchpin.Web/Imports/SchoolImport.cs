using Lynchpin.Core.Imports;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lynchpin.Web.Imports;

/// <summary>
/// One import into a school as the app offers it: the upload page (<c>Pages/Imports/Import</c>) and the
/// <c>import &lt;key&gt;</c> command, both built from this row. See <see cref="ImportTable"/> and
/// docs/decisions/0006-import-pipeline.md.
/// </summary>
/// <param name="Key">The command's name (<c>import staff</c>) and the page's <c>{import}</c> route value.</param>
/// <param name="Importer">The row mapper, an <see cref="ISchoolImporter"/> (registered as a scoped service from the table).</param>
/// <param name="Columns">The file's columns in template order, as the page lists them.</param>
public sealed record SchoolImport(string Key, Type Importer, IReadOnlyList<string> Columns)
{
    public const string DefaultInset =
        "If any row has a problem, nothing is imported and every problem is listed, so you can fix the file and upload it again.";

    /// <summary>The command's help text.</summary>
    public required string CommandHelp { get; init; }

    /// <summary>What the command prints after a good import.</summary>
    public required Func<ImportResult, string> CommandSummary { get; init; }

    /// <summary>The page's address, with <c>{urn:int}</c> and <c>{import}</c>; imports that share one are told apart by key.</summary>
    public required string Route { get; init; }

    /// <summary>What the file holds: "staff" in "Import staff" and "Select a CSV or XLSX file of staff".</summary>
    public required string Noun { get; init; }

    /// <summary>How the file is laid out, in "Upload a CSV or Excel (XLSX) file with {RowsAre} and these columns".</summary>
    public required string RowsAre { get; init; }

    /// <summary>A line on each column (or rule) under the list of columns.</summary>
    public required IReadOnlyList<string> Help { get; init; }

    /// <summary>Paragraphs after the help.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What happens to a file with a bad row (and to what is stored), in the inset before the form.</summary>
    public string Inset { get; init; } = DefaultInset;

    /// <summary>Something to know about the school before uploading (the appraisal cycles that are open), or null.</summary>
    public Func<LynchpinDbContext, School, CancellationToken, Task<ImportNotice?>>? Notice { get; init; }

    /// <summary>The right the importing account needs on the school.</summary>
    public OperationAuthorizationRequirement Operation { get; init; } = Operations.Manage;

    /// <summary>The page's heading and its button: "Import staff".</summary>
    public string Heading => $"Import {Noun}";

    /// <summary>The browser tab's title, when not "Import staff to Oakfield Primary".</summary>
    public Func<School, string>? Title { get; init; }

    /// <summary>The file input's label, when not "Staff file".</summary>
    public string? FileLabel { get; init; }

    /// <summary>The page's back link: the school's page unless said.</summary>
    public Func<IUrlHelper, School, (string Url, string Text)> Back { get; init; } =
        (url, school) => (url.To<Pages.Schools.ShowModel>(new { urn = school.Urn }), school.Name);

    /// <summary>Where a good import goes, with <see cref="PageSummary"/> in the success banner.</summary>
    public required Func<IUrlHelper, School, string> Done { get; init; }

    public required Func<ImportResult, string> PageSummary { get; init; }

    public string PageTitle(School school) => Title?.Invoke(school) ?? $"{Heading} to {school.Name}";

    public string UploadLabel => FileLabel ?? $"{char.ToUpperInvariant(Noun[0])}{Noun[1..]} file";

    public ISchoolImporter ImporterFrom(IServiceProvider services) => (ISchoolImporter)services.GetRequiredService(Importer);
}

/// <summary>A line the import page shows before the form: a warning, or a paragraph with an id tests can find.</summary>
public sealed record ImportNotice(string Text, bool IsWarning = false, string? Id = null);

/// <summary>Links to the import page by the table's row: <c>Url.ToImport(ImportTable.Staff, urn)</c>.</summary>
public static class ImportLinks
{
    public static string ToImport(this IUrlHelper url, SchoolImport import, int urn) =>
        url.To<Pages.Imports.ImportModel>(new { urn, import = import.Key });
}
