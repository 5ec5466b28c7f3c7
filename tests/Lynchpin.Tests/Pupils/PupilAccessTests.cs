using Lynchpin.Core.Pupils;

namespace Lynchpin.Tests.Pupils;

public class PupilAccessTests
{
    private const int School = 1;
    private const int OtherSchool = 2;
    private static readonly LaCodes Codes = new([("341", "E08000012")]);

    /// <summary>A pupil of school 1 in the care of Liverpool (recorded as 341), designated teacher 10, champion 11, key adult 12.</summary>
    private static readonly PupilScope Pupil = new(School, "341", DesignatedTeacherId: 10, ChampionId: 11, WorkerStaffIds: [12]);

    private static PupilReader Reader(int[]? leads = null, int? staff = null, int[]? coached = null, string? la = null) =>
        new((leads ?? []).ToHashSet(), staff, (coached ?? []).ToHashSet(), la);

    [Fact]
    public void WhyMayRead_EachPersonTheRulesName_GetsTheirReason()
    {
        Assert.Equal(PupilReadReason.SchoolLeader, PupilAccess.WhyMayRead(Reader(leads: [School]), Pupil, Codes));
        Assert.Equal(PupilReadReason.DesignatedTeacher, PupilAccess.WhyMayRead(Reader(staff: 10), Pupil, Codes));
        Assert.Equal(PupilReadReason.SchoolChampion, PupilAccess.WhyMayRead(Reader(staff: 11), Pupil, Codes));
        Assert.Equal(PupilReadReason.NamedWorker, PupilAccess.WhyMayRead(Reader(staff: 12), Pupil, Codes));
        Assert.Equal(PupilReadReason.Coach, PupilAccess.WhyMayRead(Reader(coached: [School, OtherSchool]), Pupil, Codes));
        Assert.Equal(PupilReadReason.VirtualSchool, PupilAccess.WhyMayRead(Reader(la: "E08000012"), Pupil, Codes));
    }

    [Fact]
    public void WhyMayRead_EveryoneElse_IsRefused()
    {
        Assert.Null(PupilAccess.WhyMayRead(PupilReader.Nobody, Pupil, Codes));              // a trust admin with no school role
        Assert.Null(PupilAccess.WhyMayRead(Reader(staff: 13), Pupil, Codes));               // a TA not named for the pupil
        Assert.Null(PupilAccess.WhyMayRead(Reader(leads: [OtherSchool], staff: 20), Pupil, Codes));   // another school's head
        Assert.Null(PupilAccess.WhyMayRead(Reader(coached: [OtherSchool]), Pupil, Codes));  // a coach of other schools
        Assert.Null(PupilAccess.WhyMayRead(Reader(la: "E08000013"), Pupil, Codes));         // another authority's virtual school
    }

    [Fact]
    public void WhyMayRead_VirtualSchoolWhoseCodesAreNotKnownAsAPair_IsRefused()
    {
        Assert.Null(PupilAccess.WhyMayRead(Reader(la: "E08000012"), Pupil, LaCodes.None));
        Assert.Equal(PupilReadReason.VirtualSchool, PupilAccess.WhyMayRead(Reader(la: "341"), Pupil, LaCodes.None));
    }

    [Fact]
    public void WhyMayRead_PupilWithNoAuthority_IsNotAnyVirtualSchools()
    {
        Assert.Null(PupilAccess.WhyMayRead(Reader(la: "341"), Pupil with { LaCode = null }, Codes));
    }
}
