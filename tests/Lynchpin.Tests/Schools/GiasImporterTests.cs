using System.Diagnostics;
using System.Text;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Schools;
using Lynchpin.Tests.Imports;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Lynchpin.Tests.Schools;

public sealed class GiasImporterTests(ITestOutputHelper output) : IDisposable
{
    // The official headings, in GIAS order, with the eight we read among others we must ignore.
    private const string Header =
        "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (code),"
        + "EstablishmentStatus (name),PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,NumberOfPupils,PercentageFSM,"
        + "Trusts (code),Trusts (name),Postcode,HeadLastName";

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    private static string School(int urn, string name, string status = "Open", string pupils = "210", string trustCode = "", string trustName = "",
        string phase = "Primary", string la = "Leeds") =>
        string.Join(",", urn, "383", la, "2001", Quote(name), "Academy converter", "1", Quote(status), "2", phase, "4", pupils, "12.5",
            trustCode, Quote(trustName), "LS1 1AA", "Marsh");

    private static string Quote(string value) => value.Contains(',') ? $"\"{value}\"" : value;

    private async Task<ImportResult> ImportAsync(Stream file)
    {
        await using var db = database.CreateContext();
        return await new GiasImporter(db).ImportAsync(file, CancellationToken.None);
    }

    private async Task<List<School>> SchoolsAsync()
    {
        await using var db = database.CreateContext();
        return await db.Schools.Include(s => s.Trust).OrderBy(s => s.Urn).ToListAsync();
    }

    private async Task<List<Trust>> TrustsAsync()
    {
        await using var db = database.CreateContext();
        return await db.Trusts.OrderBy(t => t.Code).ToListAsync();
    }

    [Fact]
    public async Task Import_Utf8Extract_CreatesSchoolsAndTrustsOnce()
    {
        var result = await ImportAsync(ImportFiles.Csv([
            Header,
            School(100001, "Oakfield Primary School", trustCode: "16001", trustName: "PENNINE LEARNING TRUST"),
            School(100002, "Moorside Academy", phase: "Secondary", pupils: "1124", trustCode: "16001", trustName: "PENNINE LEARNING TRUST"),
            School(100003, "Armley Park Primary School", status: "Closed", pupils: ""),
            School(100004, "Wharfedale Montessori Academy", status: "Proposed to open", pupils: ""),
            School(100005, "Kirkstall Valley Primary, Leeds", status: "Open, but proposed to close"),
        ]));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(5, result.Created);
        var gias = Assert.IsType<GiasImportResult>(result);
        Assert.Equal(1, gias.TrustsCreated);
        var trust = Assert.Single(await TrustsAsync());
        Assert.Equal(("16001", "PENNINE LEARNING TRUST", TrustKind.MultiAcademyTrust), (trust.Code, trust.Name, trust.Kind));
        var schools = (await SchoolsAsync()).ToDictionary(s => s.Urn);
        Assert.Equal(trust.Id, schools[100001].TrustId);
        Assert.Equal(trust.Id, schools[100002].TrustId);
        Assert.Equal(("Secondary", 1124, "Leeds"), (schools[100002].Phase, schools[100002].NumberOfPupils, schools[100002].LocalAuthority));
        Assert.False(schools[100003].IsOpen);
        Assert.Null(schools[100003].NumberOfPupils);
        Assert.Null(schools[100003].TrustId);
        Assert.True(schools[100004].IsOpen);
        Assert.True(schools[100005].IsOpen);
        Assert.Equal("Kirkstall Valley Primary, Leeds", schools[100005].Name);
    }

    [Fact]
    public async Task Import_Windows1252Extract_DecodesCurlyApostropheDashAndAccents()
    {
        // Bytes as GIAS publishes them: 0x92 is ’, 0x96 is –, 0xE9 is é in Windows-1252 (and invalid as UTF-8).
        var name = "St Mary\u2019s Church of England Primary School \u2013 \u00e9cole";
        var file = ImportFiles.Csv([Header, School(100010, name, trustCode: "17345", trustName: "ST HILDA\u2019S CATHOLIC ACADEMY TRUST")],
            "\r\n", CsvEncoding.Windows1252);
        Assert.Contains((byte)0x92, file.ToArray());

        var result = await ImportAsync(file);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var school = Assert.Single(await SchoolsAsync());
        Assert.Equal(name, school.Name);
        Assert.Equal("ST HILDA\u2019S CATHOLIC ACADEMY TRUST", school.Trust?.Name);
    }

    [Fact]
    public async Task Import_Utf8ExtractWithBom_DecodesTheSameNames()
    {
        var name = "St Mary\u2019s Church of England Primary School \u2013 \u00e9cole";

        var result = await ImportAsync(ImportFiles.CsvWithBom([Header, School(100010, name)]));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(name, Assert.Single(await SchoolsAsync()).Name);
    }

    [Fact]
    public async Task Import_Again_UpdatesSchoolsAndTrustsAndReusesTrusts()
    {
        await ImportAsync(ImportFiles.Csv([
            Header,
            School(100001, "Oakfield Primary School", trustCode: "16001", trustName: "PENNINE LEARNING TRUST"),
            School(100002, "Moorside Academy", trustCode: "16001", trustName: "PENNINE LEARNING TRUST"),
            School(100003, "Hollin Lane Infant School", trustCode: "16001", trustName: "PENNINE LEARNING TRUST"),
            School(100004, "Colne Bridge Academy"),
        ]));
        var firstTrustId = Assert.Single(await TrustsAsync()).Id;

        var result = await ImportAsync(ImportFiles.Csv([
            Header,
            School(100001, "Oakfield Primary School", trustCode: "16001", trustName: "PENNINE LEARNING PARTNERSHIP"),
            School(100002, "Moorside Academy", status: "Closed", pupils: "", trustCode: ""),
            School(100003, "Hollin Lane Infant School", trustCode: "16002", trustName: "CALDER VALLEY SCHOOLS TRUST"),
            School(100004, "Colne Bridge Academy", pupils: "305"),
            School(100005, "Marsden Moor Primary School", trustCode: "16002", trustName: "CALDER VALLEY SCHOOLS TRUST"),
        ]));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var gias = Assert.IsType<GiasImportResult>(result);
        Assert.Equal((1, 3, 1), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal((1, 1), (gias.TrustsCreated, gias.TrustsUpdated));
        var trusts = (await TrustsAsync()).ToDictionary(t => t.Code);
        Assert.Equal(2, trusts.Count);
        Assert.Equal(firstTrustId, trusts["16001"].Id);
        Assert.Equal("PENNINE LEARNING PARTNERSHIP", trusts["16001"].Name);
        var schools = (await SchoolsAsync()).ToDictionary(s => s.Urn);
        Assert.Equal(trusts["16001"].Id, schools[100001].TrustId);
        Assert.Null(schools[100002].TrustId);
        Assert.False(schools[100002].IsOpen);
        Assert.Equal(trusts["16002"].Id, schools[100003].TrustId);
        Assert.Equal(305, schools[100004].NumberOfPupils);
        Assert.Equal(trusts["16002"].Id, schools[100005].TrustId);
    }

    [Fact]
    public async Task Import_SchoolNotInFile_IsLeftAlone()
    {
        await database.AddSchoolAsync(900001, "Demo School");

        var result = await ImportAsync(ImportFiles.Csv([Header, School(100001, "Oakfield Primary School")]));

        Assert.True(result.Succeeded);
        Assert.Equal(["Demo School", "Oakfield Primary School"], (await SchoolsAsync()).Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Import_BadRows_ListsEveryOneAndChangesNothing()
    {
        await ImportAsync(ImportFiles.Csv([Header, School(100001, "Oakfield Primary School")]));

        var result = await ImportAsync(ImportFiles.Csv([
            Header,
            School(100001, "Oakfield Primary School (renamed)"),
            School(0, "Zero School"),
            "ABC123," + School(1, "Bad URN School")[2..],
            School(100003, ""),
            School(100004, "Moorside Academy", status: "Shut"),
            School(100001, "Oakfield Again"),
            School(100005, "Colne Bridge Academy", pupils: "lots"),
            School(100006, "Marsden Moor Primary School", trustCode: "16001", trustName: ""),
        ]));

        Assert.Equal([3, 4, 5, 6, 7, 8, 9], result.Errors.Select(e => e.Line));
        Assert.Equal("URN \"0\" is not a URN (a whole number such as 100000)", result.Errors[0].Message);
        Assert.Equal("URN \"ABC123\" is not a URN (a whole number such as 100000)", result.Errors[1].Message);
        Assert.Equal("EstablishmentName is empty; every school needs a name", result.Errors[2].Message);
        Assert.StartsWith("EstablishmentStatus (name) \"Shut\" is not known", result.Errors[3].Message);
        Assert.Equal("URN 100001 is also on line 2", result.Errors[4].Message);
        Assert.Equal("NumberOfPupils \"lots\" is not a whole number", result.Errors[5].Message);
        Assert.StartsWith("Trusts (name) is empty", result.Errors[6].Message);
        var school = Assert.Single(await SchoolsAsync());
        Assert.Equal("Oakfield Primary School", school.Name);
        Assert.Empty(await TrustsAsync());
    }

    [Fact]
    public async Task Import_FileWithoutTrustColumns_ReportsThemMissing()
    {
        var result = await ImportAsync(ImportFiles.Csv(["URN,EstablishmentName,EstablishmentStatus (name)", "100001,Oakfield,Open"]));

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal(
            "The columns PhaseOfEducation (name), NumberOfPupils, LA (name), Trusts (code), Trusts (name) are missing from the heading row",
            error.Message);
    }

    [Fact]
    public async Task Import_SampleExtract_ImportsFortySchoolsAndFourTrusts()
    {
        await using var file = File.OpenRead(ImportFiles.TestFile("gias-sample.csv"));

        var result = await ImportAsync(file);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(40, result.Created);
        var schools = await SchoolsAsync();
        Assert.Equal(40, schools.Count);
        Assert.Equal(4, (await TrustsAsync()).Count);
        Assert.Equal(2, schools.Count(s => !s.IsOpen));
        Assert.Contains(schools, s => s.Name == "St Mary\u2019s Church of England Primary School \u2013 Horsforth");
        Assert.Contains(schools, s => s.Trust?.Name == "ST HILDA\u2019S CATHOLIC ACADEMY TRUST");
        Assert.Equal(7, schools.Count(s => s.Trust?.Code == "16201"));
    }

    [Fact]
    public async Task Import_TwentyThousandRowsOfFullWidth_ImportsThenReimportsUnchanged()
    {
        // About 40% of the real extract, with its width (130 columns) and a trust for every ten schools.
        var extra = string.Join(",", Enumerable.Range(1, 113).Select(i => $"Column{i}"));
        var lines = new List<string> { Header + "," + extra };
        var filler = string.Join(",", Enumerable.Range(1, 113).Select(i => $"value {i}"));
        for (var i = 0; i < 20_000; i++)
        {
            var trust = i % 3 == 0 ? "" : (20000 + i / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add(School(200000 + i, $"School number {i}", trustCode: trust, trustName: trust.Length == 0 ? "" : $"TRUST {trust}") + "," + filler);
        }
        var bytes = ImportFiles.Csv(lines, "\r\n", CsvEncoding.Windows1252).ToArray();

        var stopwatch = Stopwatch.StartNew();
        var first = await ImportAsync(new MemoryStream(bytes));
        var firstTime = stopwatch.Elapsed;
        stopwatch.Restart();
        var second = await ImportAsync(new MemoryStream(bytes));
        var secondTime = stopwatch.Elapsed;

        output.WriteLine($"First import {firstTime}, re-import {secondTime}");
        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Take(5)));
        Assert.Equal(20_000, first.Created);
        Assert.Equal((0, 0, 20_000), (second.Created, second.Updated, second.Unchanged));
        // Timings are printed, not asserted (a loaded machine is not a slow program): bench/ measures speed.
    }
}
