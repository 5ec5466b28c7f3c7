using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Tests.Imports;

namespace Lynchpin.Tests.Coaching;

public class OutcomeReferenceRowTests
{
    private const string Header =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,absence_terms,social_care_group,phase_type_grouping,t_pupils,pt_overall,pt_pupils_pa_10_exact";

    private static (List<OutcomeReferenceRow> Rows, List<RowError> Errors) Read(Stream file)
    {
        using var table = TabularFile.Open(file, "outcomes.csv");
        var columns = OutcomeReferenceRow.Required.Concat(OutcomeReferenceRow.Optional).Where(table.HasColumn).ToHashSet(StringComparer.Ordinal);
        var errors = new List<RowError>();
        var rows = table.ReadRows().Select(r => OutcomeReferenceRow.Parse(r, columns, errors)).OfType<OutcomeReferenceRow>().ToList();
        return (rows, errors);
    }

    [Fact]
    public void Parse_TheDfELayoutFile_ReadsEveryRowWithYearsAreasAndSuppression()
    {
        using var file = File.OpenRead(ImportFiles.TestFile("outcomes-cla-absence-sample.csv"));

        var (rows, errors) = Read(file);

        Assert.Empty(errors);
        Assert.Equal(8, rows.Count);
        var england = rows[0];
        Assert.Equal((2023, ReferenceLevel.National, "E92000001", "England"), (england.Year, england.Level, england.AreaCode, england.AreaName));
        Assert.Equal((OutcomeReferenceRow.LookedAfterGroup, "Total"), (england.SocialCareGroup, england.Phase));
        Assert.Equal(13.3m, england.Values.Single(v => v.Measure == "pt_overall").Value.Value);
        Assert.Equal(22.5m, england.Values.Single(v => v.Measure == "pt_pupils_pa_10_exact").Value.Value);

        var exampleshire2024 = rows.Single(r => r.Year == 2024 && r.Level == ReferenceLevel.LocalAuthority && r.SocialCareGroup == OutcomeReferenceRow.LookedAfterGroup);
        Assert.Equal(("E99999999", "999", "Exampleshire"), (exampleshire2024.AreaCode, exampleshire2024.OldLaCode, exampleshire2024.AreaName));
        var suppressed = exampleshire2024.Values.Single(v => v.Measure == "pt_pupils_pa_10_exact").Value;
        Assert.True(suppressed.IsSuppressed);
        Assert.Equal("c", suppressed.Symbol);
        Assert.Equal(25.0m, exampleshire2024.Values.Single(v => v.Measure == "pt_overall").Value.Value);
    }

    [Fact]
    public void Parse_EverySymbol_IsKeptAsMissingWithItsSymbol()
    {
        using var file = ImportFiles.Csv([
            Header,
            "202324,Academic year,Local authority,E92000001,England,,,341,Liverpool,E08000012,six half terms,CLA 12 months at 31 March,Total,c,x,z",
            "202324,Academic year,Local authority,E92000001,England,,,341,Liverpool,E08000012,six half terms,CINO at 31 March,Total,low,LOW,u",
        ]);

        var (rows, errors) = Read(file);

        Assert.Empty(errors);
        Assert.Equal(["c", "x", "z", "low", "low", "u"], rows.SelectMany(r => r.Values).Select(v => v.Value.Symbol));
        Assert.All(rows.SelectMany(r => r.Values), v => Assert.Null(v.Value.Value));
    }

    [Fact]
    public void Parse_BadCells_AreReportedWithTheirLinesAndColumns()
    {
        using var file = ImportFiles.Csv([
            Header,
            "2023,Academic year,National,E92000001,England,,,,,,six half terms,CLA 12 months at 31 March,Total,100,13.3,q",
            "202324,Academic year,Local authority,E92000001,England,,,34,Liverpool,E0800001,six half terms,,Total,100,,5",
            "202325,Academic year,Local authority,E92000001,England,,,341,,E08000012,six half terms,CLA 12 months at 31 March,Total,100,5,5",
        ]);

        var (rows, errors) = Read(file);

        Assert.Empty(rows);
        Assert.Equal([
            (2, "time_period \"2023\" is not a school year as the DfE writes it, such as 202324 for 2023/24"),
            (2, "pt_pupils_pa_10_exact \"q\" is not a number or one of the DfE's symbols (c, low, x, z, u or :)"),
            (3, "new_la_code \"E0800001\" is not a local authority's nine-character code, such as E08000012"),
            (3, "old_la_code \"34\" is not a local authority's three-digit code"),
            (3, "social_care_group is empty"),
            (3, "pt_overall is empty; the DfE's files give a number or a symbol (c, low, x, z, u or :)"),
            (4, "time_period \"202325\" is not a school year as the DfE writes it, such as 202324 for 2023/24"),
            (4, "la_name is empty on a local authority row"),
        ], errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public void Parse_RegionalRows_AreLeftOutWithoutAnError()
    {
        using var file = ImportFiles.Csv([
            Header,
            "202324,Academic year,Regional,E92000001,England,E12000002,North West,,,,six half terms,CLA 12 months at 31 March,Total,100,bad,bad",
        ]);

        var (rows, errors) = Read(file);

        Assert.Empty(rows);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("202324", 2023)]
    [InlineData("199900", 1999)]
    [InlineData("202425", 2024)]
    public void TryParseTimePeriod_SixDigits_IsTheStartYear(string text, int year)
    {
        Assert.True(ReferenceValues.TryParseTimePeriod(text, out var parsed));
        Assert.Equal(year, parsed);
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("202326")]
    [InlineData("2023/24")]
    [InlineData("")]
    public void TryParseTimePeriod_OtherText_IsRefused(string text)
    {
        Assert.False(ReferenceValues.TryParseTimePeriod(text, out _));
    }

    [Fact]
    public void Display_SuppressedValue_SaysWhatTheSymbolMeans()
    {
        Assert.True(ReferenceValues.TryParse("c", out var c));
        Assert.True(ReferenceValues.TryParse("86.70", out var number));

        Assert.Equal("suppressed (c)", c.Display());
        Assert.Equal("86.7", number.Display());
    }
}
