using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Careers;

/// <summary>Standards, qualifications and pathways stored and read back, on both databases.</summary>
public abstract class CareerServicesTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CareerServicesTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CareerServicesTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly DateOnly Today = new(2026, 3, 15);

    [SkippableFact]
    public async Task EditStandard_FirstEditCopiesTheSetForTheSchool_TheTrustAndOtherSchoolsKeepTheBuiltIn()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var other = await Data.CreateSchoolAsync(trust);

        // Act
        var result = await WithAsync<StandardSetEditor, Result<StandardSet>>(e => e.EditStandardAsync(StandardsOwner.Of(school), "own-site", "SITE-3",
            new StandardInput("The learning environment", "Has every room ready by 8.15am, heating on in winter")));

        // Assert
        AssertDone(result);
        var ours = await WithAsync<CareerStandards, IReadOnlyList<ResolvedStandardSet>>(s => s.ForSchoolAsync(school));
        var theirs = await WithAsync<CareerStandards, IReadOnlyList<ResolvedStandardSet>>(s => s.ForSchoolAsync(other));
        var site = ours.Single(s => s.Set.Code == "own-site");
        Assert.Equal(StandardsSource.School, site.Source);
        Assert.Equal("Has every room ready by 8.15am, heating on in winter", site.Set.Standards.Single(s => s.Code == "SITE-3").Text);
        Assert.Equal(6, site.Set.Standards.Count);
        Assert.Equal([RoleFamily.Site], site.Set.RoleFamilies);
        Assert.Equal(StandardsSource.BuiltIn, theirs.Single(s => s.Set.Code == "own-site").Source);
        Assert.Equal(1, await Data.WithDbAsync(db => db.StandardSets.CountAsync(s => s.SchoolId == school.Id)));
    }

    [SkippableFact]
    public async Task EditStandard_BadInput_StoresNoCopy()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());

        var result = await WithAsync<StandardSetEditor, Result<StandardSet>>(e => e.EditStandardAsync(StandardsOwner.Of(school), "hlta", "HLTA-1",
            new StandardInput("Professional attributes", "  ")));

        Assert.Equal("Text", Assert.Single(result.Errors).Field);
        Assert.Equal(0, await Data.WithDbAsync(db => db.StandardSets.CountAsync(s => s.SchoolId == school.Id)));
    }

    [SkippableFact]
    public async Task TrustCopy_IsWhatItsSchoolsFollow_UntilASchoolEditsItsOwn()
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        AssertDone(await WithAsync<StandardSetEditor, Result<StandardSet>>(e => e.AddStandardAsync(StandardsOwner.Of(trust), "ta-2016",
            new StandardInput("4. Working with others", "Trains new TAs in the trust's phonics scheme"))));

        var followed = (await WithAsync<CareerStandards, IReadOnlyList<ResolvedStandardSet>>(s => s.ForSchoolAsync(school))).Single(s => s.Set.Code == "ta-2016");
        AssertDone(await WithAsync<StandardSetEditor, Result<StandardSet>>(e => e.EditStandardAsync(StandardsOwner.Of(school), "ta-2016", "TA1.1",
            new StandardInput("1. Personal and professional conduct", "Expects every pupil to do well"))));
        var own = (await WithAsync<CareerStandards, IReadOnlyList<ResolvedStandardSet>>(s => s.ForSchoolAsync(school))).Single(s => s.Set.Code == "ta-2016");

        Assert.Equal(StandardsSource.Trust, followed.Source);
        Assert.Equal(13, followed.Set.Standards.Count);
        Assert.Equal(StandardsSource.School, own.Source);
        Assert.Equal(13, own.Set.Standards.Count);
        Assert.Contains(own.Set.Standards, s => s.Text == "Trains new TAs in the trust's phonics scheme");
    }

    [SkippableFact]
    public async Task RecordRatings_OnlyChangesAddRows_AndTheLineManagersViewIsKeptApart()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, jobTitle: "Teaching Assistant");
        StandardAssessmentInput Input(AssessedBy by, params (string Code, StandardRating Rating)[] ratings) =>
            new(ta.Id, "hlta", by, ratings.Select(r => new RatingInput(r.Code, r.Rating)).ToList(), Today, null, null);

        AssertDone(await WithAsync<StandardAssessments, Result<IReadOnlyList<StandardAssessment>>>(s => s.RecordAsync(
            Input(AssessedBy.Self, ("HLTA-1", StandardRating.Secure), ("HLTA-2", StandardRating.Developing)), Leader)));
        var second = await WithAsync<StandardAssessments, Result<IReadOnlyList<StandardAssessment>>>(s => s.RecordAsync(
            Input(AssessedBy.Self, ("HLTA-1", StandardRating.Secure), ("HLTA-2", StandardRating.Secure)), Leader));
        AssertDone(await WithAsync<StandardAssessments, Result<IReadOnlyList<StandardAssessment>>>(s => s.RecordAsync(
            Input(AssessedBy.LineManager, ("HLTA-2", StandardRating.Developing)), Leader)));

        Assert.Equal("HLTA-2", Assert.Single(second.Value!).StandardCode);
        var rows = await Data.WithDbAsync(db => db.StandardAssessments.Where(a => a.StaffMemberId == ta.Id).ToListAsync());
        Assert.Equal(4, rows.Count);
        Assert.Equal(StandardRating.Developing, StandardRatings.Current(rows)[("hlta", "HLTA-2")]);
    }

    [SkippableFact]
    public async Task RecordRatings_UnknownStandardOrFutureDate_AreRefused()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport);

        var result = await WithAsync<StandardAssessments, Result<IReadOnlyList<StandardAssessment>>>(s => s.RecordAsync(
            new StandardAssessmentInput(ta.Id, "hlta", AssessedBy.Self, [new RatingInput("TS1", StandardRating.Secure)], new DateOnly(2100, 1, 1), null, null), Leader));

        Assert.Equal(["AssessedOn", "Ratings"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, await Data.WithDbAsync(db => db.StandardAssessments.CountAsync(a => a.StaffMemberId == ta.Id)));
    }

    [SkippableFact]
    public async Task SaveQualification_RequiredThenHeld_IsOneRowMet_AndAnUnknownNameIsTheSchoolsOwn()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var senco = await Data.CreateStaffAsync(school, RoleFamily.Teaching, jobTitle: "SENCo");

        AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(senco.Id,
            new QualificationInput("NPQ SENCO", false, null, true, new DateOnly(2027, 7, 1), new DateOnly(2027, 9, 1), null), mayRequire: true, Leader)));
        AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(senco.Id,
            new QualificationInput("npqsenco", true, new DateOnly(2026, 2, 1), false, null, new DateOnly(2027, 9, 1), null), mayRequire: true, Leader)));
        AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(senco.Id,
            new QualificationInput("Makaton Level 2", true, new DateOnly(2024, 5, 1), false, null, null, null), mayRequire: false, Leader)));

        var rows = await Data.WithDbAsync(db => db.PersonQualifications.Where(q => q.StaffMemberId == senco.Id).OrderBy(q => q.QualificationCode).ToListAsync());
        Assert.Equal(["NPQSENCO", "OWN-MAKATON-LEVEL-2"], rows.Select(r => r.QualificationCode));
        Assert.True(rows[0].Held);
        Assert.False(rows[0].InProgress);
        Assert.Equal(new DateOnly(2027, 9, 1), rows[0].RequiredBy);
        var own = await Data.WithDbAsync(db => db.OwnQualifications.SingleAsync(q => q.SchoolId == school.Id));
        Assert.Equal("Makaton Level 2", own.Name);
    }

    [SkippableFact]
    public async Task SaveQualification_DeadlineWithoutTheRight_IsRefusedAsNothingToRecord()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport);

        var result = await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(ta.Id,
            new QualificationInput("HLTA", false, null, false, null, new DateOnly(2027, 1, 1), null), mayRequire: false, Leader));

        Assert.Equal("Held", Assert.Single(result.Errors).Field);
        Assert.Equal(0, await Data.WithDbAsync(db => db.PersonQualifications.CountAsync(q => q.StaffMemberId == ta.Id)));
    }

    [SkippableFact]
    public async Task Profile_TaOnLevel3WithHltaInProgress_ShowsStepNextStepsAndWhatSheLacks()
    {
        // Arrange: a TA level 3 since September 2024, L3 and English and maths held, HLTA in progress.
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, jobTitle: "Teaching Assistant", startDate: new DateOnly(2019, 9, 2));
        AssertDone(await WithAsync<CareerSteps, Result<CareerStep>>(s => s.PlaceAsync(ta.Id, new StepInput("learning-support/ta2", new DateOnly(2019, 9, 2), null))));
        AssertDone(await WithAsync<CareerSteps, Result<CareerStep>>(s => s.PlaceAsync(ta.Id, new StepInput("learning-support/ta3", new DateOnly(2024, 9, 1), "learning-support/hlta"))));
        foreach (var input in new[]
        {
            new QualificationInput("TA-L3", true, new DateOnly(2024, 7, 1), false, null, null, null),
            new QualificationInput("L2-EM", true, new DateOnly(2010, 8, 20), false, null, null, null),
            new QualificationInput("HLTA status", false, null, true, new DateOnly(2026, 7, 15), null, null),
        })
        {
            AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(ta.Id, input, false, Leader)));
        }

        // Act
        var person = await Data.WithDbAsync(db => db.StaffMembers.Include(s => s.School).SingleAsync(s => s.Id == ta.Id));
        var profile = await WithAsync<CareerProfiles, CareerProfile>(p => p.ForPersonAsync(person, Today));

        // Assert
        Assert.Equal("ta3", profile.Position.Step!.Code);
        Assert.False(profile.Position.Guessed);
        Assert.Equal("ta2", Assert.Single(profile.Position.History).StepCode);
        var hlta = profile.Position.NextSteps.Single(s => s.Step.Code == "hlta");
        Assert.Contains(hlta.Gaps, g => g.Kind == GapKind.Qualification && g.InProgress && g.Text.StartsWith("HLTA status: in progress"));
        Assert.Contains(hlta.Gaps, g => g.Kind == GapKind.Standards && g.Text.Contains("33 of 33"));
        Assert.Equal(["ta-2016", "hlta"], profile.Standards.Select(s => s.Set.Set.Code));
        Assert.Equal(3, profile.Qualifications.Count);
    }

    [SkippableFact]
    public async Task PlaceStep_EndsThePreviousStep_AndRefusesAnAimThatIsNotNext()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var officer = await Data.CreateStaffAsync(school, RoleFamily.Business, jobTitle: "Finance Officer");
        AssertDone(await WithAsync<CareerSteps, Result<CareerStep>>(s => s.PlaceAsync(officer.Id, new StepInput("business/fin-officer", new DateOnly(2021, 1, 4), null))));

        var refused = await WithAsync<CareerSteps, Result<CareerStep>>(s => s.PlaceAsync(officer.Id, new StepInput("business/sbm", new DateOnly(2025, 9, 1), "business/director")));
        var placed = await WithAsync<CareerSteps, Result<CareerStep>>(s => s.PlaceAsync(officer.Id, new StepInput("business/sbm", new DateOnly(2025, 9, 1), "business/sbl")));

        Assert.Equal("AimKey", Assert.Single(refused.Errors).Field);
        AssertDone(placed);
        var steps = await Data.WithDbAsync(db => db.CareerSteps.Where(s => s.StaffMemberId == officer.Id).OrderBy(s => s.StartedOn).ToListAsync());
        Assert.Equal([new DateOnly(2025, 8, 31), null], steps.Select(s => s.EndedOn));
        var moves = await WithAsync<CareersOverview, IReadOnlyList<InternalMove>>(o => o.InternalMovesAsync(school));
        var move = Assert.Single(moves);
        Assert.Equal(("Finance officer", "School business manager"), (move.From, move.To));
    }

    [SkippableFact]
    public async Task Deadlines_SencoOverdueAndExpiredFirstAid_AreTheLeadersWarnings()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var senco = await Data.CreateStaffAsync(school, RoleFamily.Teaching, jobTitle: "SENCo", startDate: new DateOnly(2022, 9, 1));
        var site = await Data.CreateStaffAsync(school, RoleFamily.Site, jobTitle: "Site Assistant");
        AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(site.Id,
            new QualificationInput("FAW", true, new DateOnly(2022, 1, 10), false, null, null, null), false, Leader)));

        var deadlines = await WithAsync<CareersOverview, IReadOnlyList<PersonDeadline>>(o => o.DeadlinesAsync(school, Today));

        // Most overdue first: first aid ran out on 10 January 2025, the NPQSENCO was due three years after 1 September 2022.
        Assert.Equal([(site.Id, DeadlineState.Overdue), (senco.Id, DeadlineState.Overdue)], deadlines.Select(d => (d.StaffMemberId, d.Deadline.State)));
        Assert.Equal("First Aid at Work (renewal)", deadlines[0].QualificationName);
        Assert.Equal(new DateOnly(2025, 9, 1), deadlines[1].Deadline.DueBy);
    }
}
