using System.Net;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// Walks every route for every role and asserts who is let in. Every new page or endpoint adds its rows here.
/// The people are those of <see cref="TrustScenario"/>: a trust admin of trust A, the head of school A1 (a school leader),
/// a line manager two levels above a caretaker, a teacher with a Staff account, and a leader of school B1 in another trust.
/// </summary>
public abstract partial class RouteMatrixTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : RouteMatrixTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : RouteMatrixTests(app), IClassFixture<PostgresAppFactory>;

    public enum Who { Anonymous, TrustAdmin, Leader, LineManager, Staff, Outsider }

    private const int Ok = 200, Forbidden = 403, Unauthorized = 401;

    /// <summary>Not an HTTP code: a 302 to the sign-in page, told apart from a 302 after a saved form.</summary>
    private const int Login = 3020;

    /// <summary>Route template, then the expected status for Anonymous, TrustAdmin, Leader, LineManager, Staff, Outsider.</summary>
    private static readonly (string Route, int[] Expected)[] GetRoutes =
    [
        ("/health", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/health/live", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/health/ready", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/sign-in", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/openapi/v1.json", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/staff", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/staff?school={A1}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff?school={A2}", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Head}", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Manager}", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Caretaker}", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Teacher}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Peer}", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/staff/{Caretaker}/edit", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/edit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/schools/{A1}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A2}", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/line-management", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-staff", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/staff/new", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/staff/new", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/framework", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A1}/framework?family=site", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A2}/framework", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/framework", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/framework/stages/2/edit", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/stages/1/criteria/new", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/stages/1/criteria/1/edit", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/stages/1/criteria/1/remove", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/revert", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/framework/stages/2/edit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/framework/stages/2/edit", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/trusts/{TrustA}/framework", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/2/edit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/1/criteria/new", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/1/criteria/1/edit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/1/criteria/1/remove", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/revert", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/framework", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // The conditions review names people: the school's leaders and its trust's admins only (issue 18 item 4).
        ("/schools/{A1}/conditions", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/conditions?year=2024", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/conditions", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/conditions", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/conditions/coaching", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/conditions/triad-time?year=2024", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/conditions/observed", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/conditions/coaching", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/trusts/{TrustA}/conditions", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/checkpoints", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A1}/checkpoints?year=2025", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A2}/checkpoints", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/checkpoints", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/learning-community", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/learning-community", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/learning-community", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/term-dates", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A1}/term-dates?year=2027", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A2}/term-dates", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-calendar", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/import-calendar", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/account/tokens", [Login, Ok, Ok, Ok, Ok, Ok]),
        // A person's progression: whoever sees their record (the line-management chain, leaders, themselves).
        ("/staff/{Teacher}/progression", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/progression", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Manager}/progression", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Peer}/progression", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/progression", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/progression", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        // Recording a stage: leaders, and a line manager for those below them; never a Staff account, never oneself as a line manager.
        ("/staff/{Teacher}/progression/assess", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Caretaker}/progression/assess", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Manager}/progression/assess", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Peer}/progression/assess", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Head}/progression/assess", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/progression/assess", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/progression/assess", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        // A person's appraisal (person pages), before any cycle is open: those who may read it are told there is none yet.
        // Read: the person, the line-management chain above, the school's leaders, the trust's admins. Coaches never.
        ("/staff/{Teacher}/appraisal", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/appraisal", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Head}/appraisal", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Peer}/appraisal", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/appraisal", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/appraisal", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        // Progression profile: leaders see their school's, a line manager their own team's at their school; the trust view is its admins' alone.
        ("/schools/{A1}/profile", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{A2}/profile", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/profile", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/profile/export?format=csv", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{A1}/profile/export?format=xlsx", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{B1}/profile/export?format=csv", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/profile/people?year=2025&checkpoint=1&stage=none", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{B1}/profile/people?year=2025&checkpoint=1", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        // A team's stages in one page: for those who see the profile, each row only for someone they may assess.
        ("/schools/{A1}/progression/record", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{B1}/progression/record", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/trusts/{TrustA}/profile", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/profile", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools", [Unauthorized, Ok, Ok, Ok, Ok, Ok]),
        ("/api/schools/{A1}/staff", [Unauthorized, Ok, Ok, Ok, Ok, Forbidden]),
        ("/api/schools/{A2}/staff", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/staff", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),

        // Assessments import and the profile API (a line manager's profile is their team's).
        ("/schools/{A1}/import-assessments", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/import-assessments", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/import-assessments", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/api/schools/{A1}/profile?year=2025", [Unauthorized, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/api/schools/{A2}/profile?year=2025", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/profile?year=2025", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/api/schools/{A1}/profile/transitions?year=2025&from=1&to=4", [Unauthorized, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/api/schools/{A2}/profile/transitions?year=2025&from=1&to=4", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/profile/transitions?year=2025&from=1&to=4", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/api/schools/{A1}/profile/next-steps?year=2025&checkpoint=2", [Unauthorized, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/api/schools/{A2}/profile/next-steps?year=2025&checkpoint=2", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/profile/next-steps?year=2025&checkpoint=2", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/api/trusts/{TrustA}/profile?year=2025", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/trusts/{TrustB}/profile?year=2025", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),

        // Appraisal, school and trust pages and the school API: a school's leaders and its trust's admins see the dashboard, a line manager
        // of the school their team's; opening the cycle and bulk changes are for leaders and trust admins; the roll-up is the trust admins'.
        ("/schools/{A1}/appraisal", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{A1}/appraisal?year=2025&category=support", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{A2}/appraisal", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/appraisal/open", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/appraisal/open?year=2027", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/appraisal/open", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/open", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/appraisal/shared-objective", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/appraisal/shared-objective", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/shared-objective", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/appraisal/appraisers", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        // Closing and reopening a cycle (issue 14): who manages cycles; a year without one is not found.
        ("/schools/{A1}/appraisal/close?year=2031", [Login, NotFound, NotFound, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/close?year=2031", [Login, Forbidden, Forbidden, Forbidden, Forbidden, NotFound]),
        ("/schools/{A2}/appraisal/appraisers", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/appraisers", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/appraisal/export", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{A2}/appraisal/export", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/export", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/trusts/{TrustA}/appraisal", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/subject-access", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/subject-access", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/retention", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/retention", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/appraisal", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{A1}/appraisal?year=2025", [Unauthorized, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/api/schools/{A2}/appraisal?year=2025", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/appraisal?year=2025", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        // Appraisal operations (ops helper): the objectives import is for those who manage the school's cycle — its leaders and the trust's admins.
        ("/schools/{A1}/appraisal/import-objectives", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/appraisal/import-objectives", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/import-objectives", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),

        // Observations, leaders' pages (rota helper): a school's leaders and its trust's admins only; line managers and staff never.
        ("/schools/{A1}/observations", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/observations", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/observations", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/observations/settings", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/observations/settings", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/observations/import/timetable", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/import/duties", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/import/observers", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/observations/import/observers", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/observations/rotas/new", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/observations/rotas/new", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/coverage", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/coverage?from=2026-09-01&to=2026-12-31&kind=drop-in", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/observations/coverage", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),

        // Careers (careers helper): a person's career page for whoever sees their record; qualifications and steps for the
        // person and those who assess them; standards ratings for the person or as their line manager.
        ("/staff/{Teacher}/careers", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/careers", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Peer}/careers", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/careers", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/careers", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/staff/{Teacher}/careers/qualifications", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/careers/qualifications", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Peer}/careers/qualifications", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Teacher}/careers/step", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Sibling}/careers/step", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Teacher}/careers/standards/teachers", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/careers/standards/own-site", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Peer}/careers/standards/teachers", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/careers", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/careers", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/careers", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/standards", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A1}/standards/hlta", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A1}/standards/new", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/standards/hlta/edit", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/standards", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/trusts/{TrustA}/standards", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/standards/isbl/edit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/standards", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // CPD: a person's for whoever sees their record, asking for it only the person; the school's pages its leaders';
        // the requests list also line managers (their team's).
        ("/staff/{Teacher}/cpd", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/cpd", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Sibling}/cpd", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Teacher}/cpd/request", [Login, Forbidden, Forbidden, Forbidden, Ok, Forbidden]),
        ("/staff/{Manager}/cpd/request", [Login, Forbidden, Forbidden, Ok, Forbidden, Forbidden]),
        ("/schools/{A1}/cpd", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/cpd?year=2025", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/cpd", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/cpd", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/cpd/budget", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/cpd/record", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/cpd/needs", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/cpd/requests", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{B1}/cpd/requests", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        // Professional conversations (issue 18): the triad (the person, their line manager, their coach) and the school's
        // leaders and trust admins (dates only); not the line manager above the triad. Only the triad records one (the
        // Manager their own, the head as the Manager's line manager).
        ("/staff/{Teacher}/conversations", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/conversations", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/conversations", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/conversations", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/staff/{Teacher}/conversations/record", [Login, Forbidden, Forbidden, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/conversations/record", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Manager}/conversations/record", [Login, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Outsider}/conversations/record", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Pay: nobody in the matrix has pay access, so a person's pay page is refused to all; the parity report shows the
        // development figures to a school's leaders and the trust's admins, without pay.
        ("/staff/{Teacher}/pay", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/pay", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/parity", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/parity?year=2025&since=2023", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/parity", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/parity", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/trusts/{TrustA}/parity", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/parity", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-qualifications", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/import-qualifications", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/import-cpd", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/import-cpd", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        // The pay import needs pay access, which nobody in the matrix has.
        ("/schools/{A1}/import-pay", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/import-pay", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{A1}/cpd?year=2025", [Unauthorized, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{A2}/cpd?year=2025", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/cpd?year=2025", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/api/schools/{A1}/parity?year=2025", [Unauthorized, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/parity?year=2025", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/api/trusts/{TrustA}/parity?year=2025", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/trusts/{TrustB}/parity?year=2025", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Outcomes: a school's for its leaders and the trust's admins (appraisal and profile aggregates beside them); a trust's for its admins.
        ("/schools/{A1}/outcomes", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/outcomes", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/outcomes", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/outcomes/import/ks4", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/outcomes/import/attendance", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/outcomes/import/nonsense", [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("/trusts/{TrustA}/outcomes", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/outcomes?year=2023&x=cpdHoursTeaching&y=att8&sort=p8&desc=true", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/outcomes", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/outcomes/import/ks2", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/outcomes/import/workforce", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{A1}/outcomes", [Unauthorized, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/outcomes", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/api/trusts/{TrustA}/outcomes?year=2023", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/trusts/{TrustB}/outcomes?year=2023", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
    ];

    /// <summary>Writes: a forbidden POST must be refused before anything changes.</summary>
    private static readonly (string Route, int[] Expected)[] PostRoutes =
    [
        ("/staff/{Caretaker}/edit", [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/staff/new", [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        // The staff form is no file, so a leader gets the form back; the others are refused first.
        ("/schools/{A1}/import-assessments", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/import-assessments", [Login, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest]),
        // Term dates (firstweek helper): the staff form has no dates or file, so those let in get the form back.
        ("/schools/{A1}/term-dates", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/term-dates?handler=Remove&id=0", [Login, NotFound, NotFound, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-calendar", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),

        // Appraisal cycle and bulk writes (school helper): the staff form is no cycle form, so those let in get a 400; the others are refused first.
        ("/schools/{A1}/appraisal/open", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/appraisal/open?handler=LateJoiners", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/open", [Login, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest]),
        ("/schools/{A1}/appraisal/shared-objective", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/appraisal/appraisers", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/appraisal/close?year=2031", [Login, NotFound, NotFound, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/appraisal/close?year=2031&handler=Reopen", [Login, NotFound, NotFound, Forbidden, Forbidden, Forbidden]),
        // Appraisal operations (ops helper): the objectives import, posted without a file, so those let in get the form back.
        ("/schools/{A1}/appraisal/import-objectives", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/appraisal/import-objectives", [Login, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/appraisal/import-objectives", [Login, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest]),
        // Careers, CPD and pay writes (careers helper), posted with the staff form: those let in get their form back as a 400.
        ("/staff/{Teacher}/cpd/request", [Login, Forbidden, Forbidden, Forbidden, BadRequest, Forbidden]),
        // (The Teacher, not the Caretaker: the staff form posted to the Caretaker's edit page above clears their line manager.)
        ("/staff/{Teacher}/careers/qualifications", [Login, BadRequest, BadRequest, BadRequest, BadRequest, Forbidden]),
        ("/staff/{Teacher}/careers/step", [Login, BadRequest, BadRequest, BadRequest, BadRequest, Forbidden]),
        ("/staff/{Peer}/careers/step", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/cpd/budget", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/cpd/record", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/cpd/record", [Login, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest]),
        ("/staff/{Teacher}/pay", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // A conversation: the staff form has no date nor what was agreed, so the triad gets the form back; leaders are refused.
        ("/staff/{Teacher}/conversations/record", [Login, Forbidden, Forbidden, BadRequest, BadRequest, Forbidden]),
        ("/staff/{Caretaker}/conversations/record", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-qualifications", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-cpd", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-pay", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Retention (privacy helper): the staff form has no periods, so the trust's admin gets the form back; a hold that is not there is a 404.
        ("/trusts/{TrustA}/retention", [Login, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/retention?handler=Hold", [Login, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/retention?handler=Lift&id=0", [Login, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/retention", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Outcomes imports, posted without a file: those let in get the form back.
        ("/schools/{A1}/outcomes/import/ks4", [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/outcomes/import/ks4", [Login, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/outcomes/import/ks4", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
    ];

    /// <summary>Framework and checkpoint writes, each with a form that would save: a refused post must leave the framework tables as they were.</summary>
    private static readonly (string Route, Dictionary<string, string> Form, int[] Expected)[] FrameworkPostRoutes =
    [
        ("/schools/{A1}/framework/stages/2/edit", new() { ["Input.Name"] = "Renamed stage", ["Input.Descriptor"] = "" },
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/stages/1/criteria/new", new() { ["Input.Text"] = "A new criterion", ["Input.RoleFamily"] = "everyone" },
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/stages/1/criteria/1/edit", new() { ["Input.Text"] = "A changed criterion", ["Input.RoleFamily"] = "site" },
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/stages/1/criteria/1/remove", new(),
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/framework/revert", new(),
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/2/edit", new() { ["Input.Name"] = "Renamed stage", ["Input.Descriptor"] = "" },
            [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/1/criteria/new", new() { ["Input.Text"] = "A new criterion", ["Input.RoleFamily"] = "everyone" },
            [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/1/criteria/1/edit", new() { ["Input.Text"] = "A changed criterion", ["Input.RoleFamily"] = "site" },
            [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/stages/1/criteria/1/remove", new(),
            [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/framework/revert", new(),
            [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/checkpoints", new()
            {
                ["year"] = "2025", ["Input.Checkpoint1"] = "2025-10-17", ["Input.Checkpoint2"] = "2025-12-12",
                ["Input.Checkpoint3"] = "2026-03-27", ["Input.Checkpoint4"] = "2026-07-17",
            },
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/learning-community?handler=Settings", new() { ["Settings.CoachStage"] = "4", ["Settings.FacilitatorStage"] = "4", ["Settings.LeadStagesAbove"] = "1" },
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
    ];

    /// <summary>Progression writes, posted with one form that holds every field they read; a refused one stores nothing.</summary>
    private static readonly (string Route, int[] Expected)[] ProgressionPostRoutes =
    [
        ("/staff/{Teacher}/progression/assess", [Login, Redirected, Redirected, Redirected, Forbidden, Forbidden]),
        ("/staff/{Peer}/progression/assess", [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Manager}/progression/assess", [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        // A team's stages: let in, the form (no stage chosen) saves nothing and says so.
        ("/schools/{A1}/progression/record", [Login, Redirected, Redirected, Redirected, Forbidden, Forbidden]),
        ("/schools/{B1}/progression/record", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Redirected]),
        // Only the person reflects on their own assessment.
        ("/staff/{Teacher}/progression?handler=Reflection", [Login, Forbidden, Forbidden, Forbidden, Redirected, Forbidden]),
        // Only the person withdraws their own offer to share a criterion (none here: let in, nothing to withdraw).
        ("/staff/{Teacher}/progression?handler=Withdraw", [Login, Forbidden, Forbidden, Forbidden, 404, Forbidden]),
    ];

    /// <summary>A saved form redirects to the person's page (a 302 too, but not to sign-in).</summary>
    private const int Redirected = 302;

    /// <summary>Let in, but the form was not valid for this page: nothing is saved.</summary>
    private const int BadRequest = 400;

    private TrustScenario _people = null!;
    private Dictionary<Who, HttpClient> _clients = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _people = await TrustScenario.CreateAsync(Data);
        var outsiderLeader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolB1);
        _clients = new()
        {
            [Who.Anonymous] = App.CreateClient(),
            [Who.TrustAdmin] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: _people.TrustA)),
            [Who.Leader] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolA1, staff: _people.Head)),
            [Who.LineManager] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: _people.Manager)),
            [Who.Staff] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: _people.Teacher)),
            [Who.Outsider] = await App.CreateSignedInClientAsync(outsiderLeader),
        };
    }

    public override Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        return base.DisposeAsync();
    }

    private string Resolve(string route) => route
        .Replace("{A1}", _people.SchoolA1.Urn.ToString()).Replace("{A2}", _people.SchoolA2.Urn.ToString())
        .Replace("{B1}", _people.SchoolB1.Urn.ToString())
        .Replace("{TrustA}", _people.TrustA.Code).Replace("{TrustB}", _people.TrustB.Code)
        .Replace("{Head}", _people.Head.Id.ToString()).Replace("{Manager}", _people.Manager.Id.ToString())
        .Replace("{Caretaker}", _people.Caretaker.Id.ToString()).Replace("{Teacher}", _people.Teacher.Id.ToString())
        .Replace("{Peer}", _people.Peer.Id.ToString()).Replace("{Sibling}", _people.Sibling.Id.ToString())
        .Replace("{Outsider}", _people.Outsider.Id.ToString());

    [SkippableFact]
    public async Task Get_EveryRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var mismatches = new List<string>();
        foreach (var (route, expected) in GetRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(Resolve(route));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected[(int)who]}, got {status}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_EveryWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var mismatches = new List<string>();
        foreach (var (route, expected) in PostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var client = _clients[who];
                var before = await Data.WithDbAsync(db => Task.FromResult(db.StaffMembers.Count()));
                var caretakerName = await CaretakerLastNameAsync();
                var form = await ValidStaffFormAsync(client, who);
                if (who != Who.Anonymous)
                {
                    // The record's revision as its form shows it now (a second allowed role saves after the first).
                    foreach (var (name, value) in await FormRevisionAsync(client, Resolve(route)))
                    {
                        form[name] = value;
                    }
                }
                using var response = await client.PostAsync(Resolve(route), new FormUrlEncodedContent(form));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    var after = await Data.WithDbAsync(db => Task.FromResult(db.StaffMembers.Count()));
                    Assert.Equal(before, after);
                    Assert.Equal(caretakerName, await CaretakerLastNameAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_EveryFrameworkWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var mismatches = new List<string>();
        foreach (var (route, form, expected) in FrameworkPostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var client = _clients[who];
                var values = new Dictionary<string, string>(form);
                if (who != Who.Anonymous)
                {
                    values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client);
                }
                if (who != Who.Anonymous)
                {
                    // The revision (and criterion id) the form carries now: this test is about who may write, not about
                    // two people saving over each other (ConcurrentEditTests).
                    foreach (var (name, value) in await FormRevisionAsync(client, Resolve(route)))
                    {
                        values[name] = value;
                    }
                }
                var before = await FrameworkFingerprintAsync();
                using var response = await client.PostAsync(Resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    Assert.Equal(before, await FrameworkFingerprintAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_EveryProgressionWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        // The reflection needs an assessment to reflect on.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AssessmentRecorder>().RecordAsync(
                new AssessmentInput(_people.Teacher.Id, 2025, 2, 3, new DateOnly(2025, 12, 10), null, [], null), new Recorder(null, "Test"));
        }
        var mismatches = new List<string>();
        foreach (var (route, expected) in ProgressionPostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var before = await AssessmentsAsync();
                var values = await WithAntiforgeryAsync(_clients[who], who, new Dictionary<string, string>
                {
                    ["Input.Year"] = "2025",
                    ["Input.Checkpoint"] = "2",
                    ["Input.Stage"] = "4",
                    ["Input.AssessedOn"] = "2025-12-12",
                    ["Input.AssessorId"] = "",
                    ["year"] = "2025",
                    ["checkpoint"] = "2",
                    ["Reflection"] = $"Reflection {TestData.Unique()}",
                });
                using var response = await _clients[who].PostAsync(Resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    Assert.Equal(before, await AssessmentsAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    // ---- A person's appraisal (person pages) ----
    // Checked with school A1's cycle for 2025 open: the Teacher is appraised by the Manager (their line manager), the
    // Caretaker by the Mentor, the Manager and the Peer by the Head; the Head has no appraiser. A2 and B1 have no cycle.

    private const int PersonAppraisalNotFound = 404;

    /// <summary>Person appraisal pages with the cycle open; {TeacherObjective} is the first of the Teacher's objectives.</summary>
    private static readonly (string Route, int[] Expected)[] PersonAppraisalGetRoutes =
    [
        ("/staff/{Teacher}/appraisal?year=2025", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/appraisal?year=2025", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Head}/appraisal?year=2025", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/appraisal?year=2025", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/appraisal?year=2025", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/staff/{Teacher}/appraisal/print?year=2025", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/appraisal/print?year=2025", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Head}/appraisal/print?year=2025", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        // No appraisal to print: 404 for who may read one, 403 for the rest.
        ("/staff/{Sibling}/appraisal/print?year=2025", [Login, PersonAppraisalNotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Objectives: the appraiser and the school's leaders; not trust admins (they read), never one's own —
        // but a head's appraisal belongs to the trust: its admins write the head's objectives (issue 11).
        ("/staff/{Teacher}/appraisal/objectives/new?year=2025", [Login, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Caretaker}/appraisal/objectives/new?year=2025", [Login, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Manager}/appraisal/objectives/new?year=2025", [Login, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Head}/appraisal/objectives/new?year=2025", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/objectives/{TeacherObjective}/edit", [Login, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/objectives/{TeacherObjective}/remove", [Login, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/objectives/{TeacherObjective}/support-plan", [Login, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        // Another person's objective under this person's address is not found, for those who could manage this person's.
        ("/staff/{Caretaker}/appraisal/objectives/{TeacherObjective}/edit", [Login, Forbidden, PersonAppraisalNotFound, Forbidden, Forbidden, Forbidden]),
        // Saying why not: the person alone. Reopening: the appraiser or a school leader.
        ("/staff/{Teacher}/appraisal/not-agreed?year=2025", [Login, Forbidden, Forbidden, Forbidden, Ok, Forbidden]),
        ("/staff/{Teacher}/appraisal/reopen?year=2025", [Login, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Caretaker}/appraisal/reopen?year=2025", [Login, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/assign?year=2025", [Login, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Outsider}/appraisal/assign?year=2025", [Login, Forbidden, Forbidden, Forbidden, Forbidden, PersonAppraisalNotFound]),
        ("/staff/{Missing}/appraisal", [Login, PersonAppraisalNotFound, PersonAppraisalNotFound, PersonAppraisalNotFound, PersonAppraisalNotFound, PersonAppraisalNotFound]),
    ];

    /// <summary>The state the Teacher's appraisal is put in before a write is tried.</summary>
    public enum PersonAppraisalState { Draft, Agreed, AtRisk, AtRiskWithPlan }

    /// <summary>
    /// Person appraisal writes on the Teacher's appraisal, each tried from the state it needs, with one form holding every
    /// field they read; {Objective1} and {Objective2} are the Teacher's objectives. A refused write changes nothing.
    /// </summary>
    private static readonly (string Route, PersonAppraisalState State, int[] Expected)[] PersonAppraisalPostRoutes =
    [
        ("/staff/{Teacher}/appraisal/objectives/new?year=2025", PersonAppraisalState.Draft, [Login, Forbidden, Redirected, Redirected, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/objectives/{Objective1}/edit", PersonAppraisalState.Draft, [Login, Forbidden, Redirected, Redirected, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/objectives/{Objective2}/remove", PersonAppraisalState.Draft, [Login, Forbidden, Redirected, Redirected, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal?year=2025&handler=Agree", PersonAppraisalState.Draft, [Login, Forbidden, Forbidden, Forbidden, Redirected, Forbidden]),
        ("/staff/{Teacher}/appraisal/not-agreed?year=2025", PersonAppraisalState.Draft, [Login, Forbidden, Forbidden, Forbidden, Redirected, Forbidden]),
        ("/staff/{Teacher}/appraisal/reopen?year=2025", PersonAppraisalState.Agreed, [Login, Forbidden, Redirected, Redirected, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/assign?year=2025", PersonAppraisalState.Draft, [Login, Forbidden, Redirected, Redirected, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/objectives/{Objective1}/support-plan", PersonAppraisalState.AtRisk, [Login, Forbidden, Redirected, Redirected, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/objectives/{Objective1}/support-plan?handler=Remove", PersonAppraisalState.AtRiskWithPlan,
            [Login, Forbidden, Redirected, Redirected, Forbidden, Forbidden]),
    ];

    [SkippableFact]
    public async Task Get_EveryPersonAppraisalRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var (objectives, _) = await PreparePersonAppraisalAsync(PersonAppraisalState.Draft);
        var mismatches = new List<string>();
        foreach (var (route, expected) in PersonAppraisalGetRoutes)
        {
            var url = Resolve(route).Replace("{TeacherObjective}", objectives[0].ToString()).Replace("{Missing}", int.MaxValue.ToString());
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(url);
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected[(int)who]}, got {status}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_EveryPersonAppraisalWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var mismatches = new List<string>();
        foreach (var (route, state, expected) in PersonAppraisalPostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var (objectives, appraisalId) = await PreparePersonAppraisalAsync(state);
                var url = Resolve(route).Replace("{Objective1}", objectives[0].ToString()).Replace("{Objective2}", objectives[1].ToString());
                var values = await WithAntiforgeryAsync(_clients[who], who, PersonAppraisalForm());
                var before = await PersonAppraisalFingerprintAsync(appraisalId);
                using var response = await _clients[who].PostAsync(url, new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    Assert.Equal(before, await PersonAppraisalFingerprintAsync(appraisalId));
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>One form holding every field the person appraisal writes read.</summary>
    private Dictionary<string, string> PersonAppraisalForm() => new()
    {
        ["Input.Title"] = "Attendance of the Year 9 nurture group",
        ["Input.SuccessCriteria"] = "Attendance rises from 88% to 93% by July",
        ["Input.Type"] = "pupil-progress",
        ["Input.Reason"] = "A reason given in the route matrix",
        ["Input.AppraiserId"] = _people.Head.Id.ToString(),
        ["Input.ReviewerId"] = "",
        ["Input.Actions"] = "Fortnightly coaching on questioning",
        ["Input.CoachId"] = "",
        ["Input.ReviewBy"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd"),
    };

    /// <summary>
    /// School A1's 2025 cycle open, and the Teacher's appraisal made afresh in <paramref name="state"/>: a pupil-progress and a
    /// role-specific objective, agreed or not, rated at risk and on track at mid-year, with a support plan on the first.
    /// </summary>
    private async Task<(List<int> Objectives, int AppraisalId)> PreparePersonAppraisalAsync(PersonAppraisalState state)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Lynchpin.Core.Data.LynchpinDbContext>();
        await db.Appraisals.Where(a => a.StaffMemberId == _people.Teacher.Id).ExecuteDeleteAsync();
        var recorder = new Recorder(null, "Route matrix");
        await services.GetRequiredService<Lynchpin.Core.Appraisals.AppraisalCycles>()
            .OpenAsync(_people.SchoolA1.Id, 2025, null, recorder, new DateOnly(2025, 9, 15));
        var appraisalId = await db.Appraisals.Where(a => a.StaffMemberId == _people.Teacher.Id).Select(a => a.Id).SingleAsync();

        var objectives = services.GetRequiredService<Lynchpin.Core.Appraisals.AppraisalObjectives>();
        var ids = new List<int>();
        foreach (var input in new Lynchpin.Core.Appraisals.ObjectiveInput[]
        {
            new("Year 10 set 3 progress", "Average progress score rises from -0.3 to 0", ObjectiveType.PupilProgress),
            new("Lead the homework review", "Report to governors by 1 March", ObjectiveType.RoleSpecific),
        })
        {
            ids.Add((await objectives.AddAsync(appraisalId, input)).Value!.Id);
        }
        if (state != PersonAppraisalState.Draft)
        {
            Assert.True((await objectives.AgreeAsync(appraisalId)).Succeeded);
        }
        if (state is PersonAppraisalState.AtRisk or PersonAppraisalState.AtRiskWithPlan)
        {
            var reviews = services.GetRequiredService<Lynchpin.Core.Appraisals.AppraisalReviews>();
            var review = (await reviews.StartAsync(appraisalId, ReviewKind.MidYear)).Value!;
            Assert.True((await reviews.SaveAsAppraiserAsync(review.Id, new Lynchpin.Core.Appraisals.AppraiserReviewInput(
                [new(ids[0], Rating.AtRisk), new(ids[1], Rating.OnTrack)], "Mid-year comments"))).Succeeded);
        }
        if (state == PersonAppraisalState.AtRiskWithPlan)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.True((await objectives.SaveSupportPlanAsync(ids[0], new("Weekly coaching", null, today.AddDays(20)), recorder, today)).Succeeded);
        }
        return (ids, appraisalId);
    }

    /// <summary>What a person-appraisal write could change on the appraisal, as one string to compare before and after.</summary>
    private Task<string> PersonAppraisalFingerprintAsync(int appraisalId) => Data.WithDbAsync(async db =>
    {
        var appraisal = await db.Appraisals.Where(a => a.Id == appraisalId)
            .Select(a => $"{a.ObjectivesStatus} {a.AgreedAt} {a.NotAgreedReason} {a.ObjectivesReopenReason} {a.AppraiserId} {a.ReviewerId}")
            .SingleAsync();
        var objectives = await db.Objectives.Where(o => o.AppraisalId == appraisalId).OrderBy(o => o.Id)
            .Select(o => $"{o.Id} {o.Title} {o.SuccessCriteria} {o.Type}").ToListAsync();
        var plans = await db.SupportPlans.Where(p => p.Objective.AppraisalId == appraisalId).OrderBy(p => p.Id)
            .Select(p => $"{p.Id} {p.Actions} {p.CoachId} {p.ReviewBy}").ToListAsync();
        return string.Join("\n", objectives.Prepend(appraisal).Concat(plans));
    });

    /// <summary>Every framework, stage, criterion and checkpoint date of the scenario's schools and trusts, as one string to compare.</summary>
    private Task<string> FrameworkFingerprintAsync() => Data.WithDbAsync(async db =>
    {
        int[] schools = [_people.SchoolA1.Id, _people.SchoolA2.Id, _people.SchoolB1.Id];
        int[] trusts = [_people.TrustA.Id, _people.TrustB.Id];
        var frameworks = db.ProgressionFrameworks.Where(f => (f.SchoolId != null && schools.Contains(f.SchoolId.Value)) || (f.TrustId != null && trusts.Contains(f.TrustId.Value)));
        var stages = await frameworks.SelectMany(f => f.Stages).OrderBy(s => s.Id).Select(s => $"{s.Id} {s.Number} {s.Name} {s.Descriptor}").ToListAsync();
        var criteria = await frameworks.SelectMany(f => f.Stages).SelectMany(s => s.Criteria).OrderBy(c => c.Id)
            .Select(c => $"{c.Id} {c.RoleFamily} {c.SortOrder} {c.Text}").ToListAsync();
        var dates = await db.CheckpointDates.Where(c => schools.Contains(c.SchoolId)).OrderBy(c => c.Id)
            .Select(c => $"{c.SchoolId} {c.Year} {c.Checkpoint} {c.Date}").ToListAsync();
        return string.Join("\n", stages.Concat(criteria).Concat(dates));
    });

    /// <summary>The account's own antiforgery token, from a page every account may open.</summary>
    /// <summary>The hidden revision and criterion id of the form at the address, as its page shows it to this client (none when it may not open it).</summary>
    private static async Task<List<(string Name, string Value)>> FormRevisionAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return [];
        }
        var document = await Html.ParseAsync(page);
        return [.. new[] { "Input.Revision", "Input.CriterionId" }
            .Select(name => (name, document.QuerySelector($"form[method=post] input[type=hidden][name='{name}']")?.GetAttribute("value")))
            .Where(field => field.Item2 is not null)
            .Select(field => (field.name, field.Item2!))];
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/account/tokens");
        var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Name");
        return Html.FormValues(form)["__RequestVerificationToken"];
    }

    /// <summary>Every stored assessment version with what a write could change, to compare before and after.</summary>
    private Task<List<string>> AssessmentsAsync() =>
        Data.WithDbAsync(db => db.Assessments.OrderBy(a => a.Id)
            .Select(a => $"{a.Id}:{a.StaffMemberId}:{a.Stage}:{a.Version}:{a.IsCurrent}:{a.Reflection}").ToListAsync());

    private static int Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var toSignIn = response.Headers.Location?.OriginalString.Contains("/sign-in", StringComparison.Ordinal) == true;
        return status == 302 && toSignIn ? Login : status;
    }

    private Task<string> CaretakerLastNameAsync() =>
        Data.WithDbAsync(db => Task.FromResult(db.StaffMembers.Single(s => s.Id == _people.Caretaker.Id).LastName));

    /// <summary>The account's own antiforgery token, taken from a page every account may open, added to <paramref name="values"/>.</summary>
    private static async Task<Dictionary<string, string>> WithAntiforgeryAsync(HttpClient client, Who who, Dictionary<string, string> values)
    {
        if (who != Who.Anonymous)
        {
            using var page = await client.GetAsync("/account/tokens");
            var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Name");
            values["__RequestVerificationToken"] = Html.FormValues(form)["__RequestVerificationToken"];
        }
        return values;
    }

    /// <summary>A valid staff form with the account's own antiforgery token, taken from a page every account may open.</summary>
    private async Task<Dictionary<string, string>> ValidStaffFormAsync(HttpClient client, Who who)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.StaffRef"] = $"R{TestData.Unique()}",
            ["Input.FirstName"] = "Robin",
            ["Input.LastName"] = $"Changed{TestData.Unique()}",
            ["Input.JobTitle"] = "Site assistant",
            ["Input.RoleFamily"] = "site",
            ["Input.Qts"] = "no",
            ["Input.Slt"] = "no",
        };
        if (who != Who.Anonymous)
        {
            using var page = await client.GetAsync("/account/tokens");
            var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Name");
            values["__RequestVerificationToken"] = Html.FormValues(form)["__RequestVerificationToken"];
        }
        return values;
    }

    // ---- Appraisal reviews: the mid-year and final review pages and evidence downloads (review helper) ----
    // Their own setup (cycles opened for 2025, the Teacher's objectives agreed, reviews started, a file of evidence),
    // so these rows live in a table and tests of their own. {Evidence} is the Teacher's file.

    /// <summary>Let in (a saved form's redirect, or the form back with its errors): not refused for who it is.</summary>
    private const int LetIn = -1;

    private const int NotFound = 404;

    /// <summary>Reading a review: the person, their line-management chain, the school's leaders, trust admins; not a coach (the Manager coaches the Peer here).</summary>
    private static readonly (string Route, int[] Expected)[] ReviewGetRoutes =
    [
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/final?year=2025", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&version=1", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Caretaker}/appraisal/reviews/mid-year?year=2025", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Manager}/appraisal/reviews/final?year=2025", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Peer}/appraisal/reviews/mid-year?year=2025", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Head}/appraisal/reviews/final?year=2025", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/appraisal/reviews/mid-year?year=2025", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/appraisal/reviews/final?year=2025", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2019", [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("/staff/{Teacher}/appraisal/evidence/{Evidence}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Outsider}/appraisal/evidence/{Evidence}", [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
    ];

    /// <summary>
    /// Review writes on the Teacher's appraisal (appraiser: the Manager), posted with one form holding every field they read.
    /// Each party writes only their own part; the Leader has pay access here, the Manager has not.
    /// </summary>
    private static readonly (string Route, int[] Expected)[] ReviewPostRoutes =
    [
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=Start", [Login, Forbidden, LetIn, LetIn, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=Appraiser", [Login, Forbidden, LetIn, LetIn, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=SignAppraiser", [Login, Forbidden, LetIn, LetIn, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=Appraisee", [Login, Forbidden, Forbidden, Forbidden, LetIn, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=SignAppraisee", [Login, Forbidden, Forbidden, Forbidden, LetIn, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=Reopen", [Login, Forbidden, LetIn, LetIn, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=Upload", [Login, Forbidden, LetIn, LetIn, LetIn, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=Link", [Login, Forbidden, LetIn, LetIn, LetIn, Forbidden]),
        // No such evidence: those let in are told so; the others are refused first.
        ("/staff/{Teacher}/appraisal/reviews/mid-year?year=2025&handler=RemoveEvidence", [Login, Forbidden, NotFound, NotFound, NotFound, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/final?year=2025&handler=Appraiser", [Login, Forbidden, LetIn, LetIn, Forbidden, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/final?year=2025&handler=Appraisee", [Login, Forbidden, Forbidden, Forbidden, LetIn, Forbidden]),
        ("/staff/{Teacher}/appraisal/reviews/final?year=2025&handler=Pay", [Login, Forbidden, LetIn, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}/appraisal/reviews/mid-year?year=2025&handler=Start", [Login, Forbidden, Forbidden, Forbidden, Forbidden, LetIn]),
    ];

    [SkippableFact]
    public async Task Get_EveryReviewRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var setup = await ReviewSetupAsync();
        try
        {
            var mismatches = new List<string>();
            foreach (var (route, expected) in ReviewGetRoutes)
            {
                foreach (var who in Enum.GetValues<Who>())
                {
                    using var response = await _clients[who].GetAsync(setup.Resolve(route));
                    var status = Outcome(response);
                    if (status != expected[(int)who])
                    {
                        mismatches.Add($"GET {route} as {who}: expected {expected[(int)who]}, got {status}");
                    }
                }
            }
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
        finally
        {
            await setup.DeleteFileAsync();
        }
    }

    [SkippableFact]
    public async Task Post_EveryReviewWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var setup = await ReviewSetupAsync();
        try
        {
            var mismatches = new List<string>();
            foreach (var (route, expected) in ReviewPostRoutes)
            {
                foreach (var who in Enum.GetValues<Who>())
                {
                    var before = await ReviewFingerprintAsync(setup.AppraisalId);
                    var values = await WithAntiforgeryAsync(_clients[who], who, ReviewForm(setup, route));
                    using var response = await _clients[who].PostAsync(setup.Resolve(route), new FormUrlEncodedContent(values));
                    var status = Outcome(response);
                    var letIn = status is Redirected or BadRequest;
                    if (expected[(int)who] == LetIn ? !letIn : status != expected[(int)who])
                    {
                        mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                    }
                    if (status is Login or Forbidden or NotFound)
                    {
                        Assert.Equal(before, await ReviewFingerprintAsync(setup.AppraisalId));
                    }
                }
            }
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
        finally
        {
            await setup.DeleteFileAsync();
        }
    }

    /// <summary>One form holding every field the review writes read.</summary>
    private static Dictionary<string, string> ReviewForm(ReviewSetup setup, string route) => new()
    {
        [$"Ratings[{setup.ObjectiveIds[0]}]"] = route.Contains("final", StringComparison.Ordinal) ? "met" : "on-track",
        [$"Ratings[{setup.ObjectiveIds[1]}]"] = route.Contains("final", StringComparison.Ordinal) ? "partly-met" : "at-risk",
        ["AppraiserComments"] = $"Appraiser {TestData.Unique()}",
        ["AppraiseeComments"] = $"Appraisee {TestData.Unique()}",
        ["Reason"] = "Late data",
        ["Link"] = $"https://drive.example/{TestData.Unique()}",
        ["evidenceId"] = "999999999",
        ["PayText"] = $"Pay {TestData.Unique()}",
    };

    private sealed record ReviewSetup(int AppraisalId, IReadOnlyList<int> ObjectiveIds, int EvidenceId, string StoredName, Func<string, string> ResolveScenario, EvidenceStore Store)
    {
        public string Resolve(string route) => ResolveScenario(route.Replace("{Evidence}", EvidenceId.ToString()));

        public Task DeleteFileAsync() => Store.DeleteAsync(StoredName);
    }

    /// <summary>
    /// Opens 2025's cycle in every school of the scenario, agrees two objectives for the Teacher, starts both reviews with
    /// a file of evidence on the mid-year one, gives the Leader pay access and makes the Manager the Peer's coach.
    /// </summary>
    private async Task<ReviewSetup> ReviewSetupAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var recorder = new Recorder(null, "Matrix setup");
        foreach (var school in new[] { _people.SchoolA1, _people.SchoolA2, _people.SchoolB1 })
        {
            await services.GetRequiredService<AppraisalCycles>().OpenAsync(school.Id, 2025, null, recorder, new DateOnly(2025, 9, 15));
        }
        var db = services.GetRequiredService<Core.Data.LynchpinDbContext>();
        var appraisalId = await db.Appraisals.Where(a => a.StaffMemberId == _people.Teacher.Id && a.Cycle.Year == 2025).Select(a => a.Id).SingleAsync();
        var objectives = services.GetRequiredService<AppraisalObjectives>();
        var first = await objectives.AddAsync(appraisalId, new ObjectiveInput(
            "Maths progress of Year 9 set 3", "Average progress score rises from -0.4 to 0 by July", ObjectiveType.PupilProgress));
        var second = await objectives.AddAsync(appraisalId, new ObjectiveInput(
            "Lead the department's homework review", "Two staff meetings on it by March", ObjectiveType.RoleSpecific));
        Assert.True((await objectives.AgreeAsync(appraisalId)).Succeeded);
        var reviews = services.GetRequiredService<AppraisalReviews>();
        var midYear = (await reviews.StartAsync(appraisalId, ReviewKind.MidYear)).Value!;
        Assert.NotNull((await reviews.StartAsync(appraisalId, ReviewKind.Final)).Value);
        var evidence = (await reviews.AddFileAsync(midYear.Id, null, new MemoryStream("%PDF-1.4 matrix"u8.ToArray()), "notes.pdf", recorder)).Value!;
        await db.Users.Where(u => u.StaffMemberId == _people.Head.Id && u.Role == UserRole.SchoolLeader)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true));
        await db.StaffMembers.Where(s => s.Id == _people.Peer.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CoachId, _people.Manager.Id));
        return new ReviewSetup(appraisalId, [first.Value!.Id, second.Value!.Id], evidence.Id, evidence.StoredName!, Resolve,
            App.Services.GetRequiredService<EvidenceStore>());
    }

    /// <summary>The appraisal's reviews, ratings, evidence, pay recommendation and pay audit trail, as one string to compare.</summary>
    private Task<string> ReviewFingerprintAsync(int appraisalId) => Data.WithDbAsync(async db =>
    {
        var reviews = await db.AppraisalReviews.AsNoTracking().Include(r => r.Ratings).Include(r => r.Evidence)
            .Where(r => r.AppraisalId == appraisalId).OrderBy(r => r.Id).ToListAsync();
        var pay = await db.PayRecommendations.Where(p => p.AppraisalId == appraisalId).Select(p => p.Text).ToListAsync();
        var audit = await db.AuditEvents.CountAsync(e => e.StaffMemberId == _people.Teacher.Id);
        return string.Join("\n", reviews.Select(r =>
            $"{r.Id} v{r.Version} {r.IsCurrent} [{r.AppraiserComments}] [{r.AppraiseeComments}] {r.AppraiserSignedAt} {r.AppraiseeSignedAt} " +
            string.Join(",", r.Ratings.OrderBy(x => x.ObjectiveId).Select(x => $"{x.ObjectiveId}:{x.Rating}")) + " " +
            string.Join(",", r.Evidence.OrderBy(e => e.Id).Select(e => e.Id))).Concat(pay).Append($"audit {audit}"));
    });

    // ---- Observations: my visits, records and the calendar feed (record helper) ----
    // {Visit} is a visit by the Teacher to the Peer's lesson; {Unshared} a drop-in by the Mentor (pastoral) on the Teacher,
    // not shared with them; {Shared} one by the Peer (a head of department: a middle leader) on the Teacher, shared.
    // A drop-in without a visit: the school's leaders with a staff record, or someone on its observer list (nobody here).

    private static readonly (string Route, int[] Expected)[] ObservationGetRoutes =
    [
        ("/observations/visits", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/observations/calendar", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/observations/records/new", [Login, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("/observations/records/new?kind=drop-in", [Login, Forbidden, Ok, Forbidden, Forbidden, Forbidden]),
        ("/observations/records/new?visit={Visit}", [Login, Forbidden, Forbidden, Forbidden, Ok, Forbidden]),
        ("/observations/records/new?visit=999999", [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("/observations/records/{Unshared}", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/observations/records/{Shared}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/observations/records/999999", [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // Only the observer edits, and none of them has an account here.
        ("/observations/records/{Shared}/edit", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // The feed needs no sign-in: the token is the key, and a wrong one is not found for anyone.
        ("/calendar/{BadToken}.ics", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
    ];

    private static readonly (string Route, int[] Expected)[] ObservationPostRoutes =
    [
        // An empty form: the one let in gets it back with errors; nothing is saved by anyone.
        ("/observations/records/new?visit={Visit}", [Login, Forbidden, Forbidden, Forbidden, BadRequest, Forbidden]),
        ("/observations/records/new?kind=drop-in", [Login, Forbidden, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/observations/records/{Shared}/edit", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Resetting one's own feed: every account with a staff record.
        ("/observations/calendar?handler=Reset", [Login, Forbidden, Redirected, Redirected, Redirected, Forbidden]),
    ];

    [SkippableFact]
    public async Task Get_EveryObservationRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var resolve = await ObservationSetupAsync();
        var mismatches = new List<string>();
        foreach (var (route, expected) in ObservationGetRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(resolve(route));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected[(int)who]}, got {status}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_EveryObservationWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var resolve = await ObservationSetupAsync();
        var mismatches = new List<string>();
        foreach (var (route, expected) in ObservationPostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var before = await ObservationFingerprintAsync();
                var values = await WithAntiforgeryAsync(_clients[who], who, []);
                using var response = await _clients[who].PostAsync(resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    Assert.Equal(before, await ObservationFingerprintAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }


    // ---- Observations, a stored rota (rota helper): its page, CSV, visit forms and remove. {Rota} is a rota of school A1
    // with one visit {Visit} (the Head visiting the Teacher); a leader of another school gets 404 only for a rota not of their school.

    private static readonly (string Route, int[] Expected)[] RotaGetRoutes =
    [
        ("/schools/{A1}/observations/rotas/{Rota}", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/rotas/{Rota}/csv", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/rotas/{Rota}/visits/new", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/rotas/{Rota}/visits/{Visit}/move", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/observations/rotas/{Rota}", [Login, Forbidden, Forbidden, Forbidden, Forbidden, NotFound]),
    ];

    /// <summary>Writes on a rota; a refused one leaves its visit where it was.</summary>
    private static readonly (string Route, int[] Expected)[] RotaPostRoutes =
    [
        ("/schools/{A1}/observations/rotas/{Rota}/visits/{Visit}/move", [Login, LetIn, LetIn, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/rotas/{Rota}/visits/new", [Login, LetIn, LetIn, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/rotas/new", [Login, LetIn, LetIn, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/settings", [Login, LetIn, LetIn, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/observations/settings?handler=Block", [Login, LetIn, LetIn, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/observations/settings?handler=Calendar", [Login, Forbidden, Forbidden, Forbidden, Forbidden, LetIn]),
        // Last: the trust admin removes the visit, so the leader then finds none.
        ("/schools/{A1}/observations/rotas/{Rota}?handler=Remove&visitId={Visit}", [Login, Redirected, NotFound, Forbidden, Forbidden, Forbidden]),
    ];

    [SkippableFact]
    public async Task Get_EveryRotaRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var (rota, visit) = await StoreRotaAsync();
        var mismatches = new List<string>();
        foreach (var (route, expected) in RotaGetRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(Resolve(route.Replace("{Rota}", rota.ToString()).Replace("{Visit}", visit.ToString())));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected[(int)who]}, got {status}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_EveryRotaWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var (rota, visit) = await StoreRotaAsync();
        var mismatches = new List<string>();
        foreach (var (route, expected) in RotaPostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var before = await RotaFingerprintAsync();
                // A form with the settings and visit fields: nothing here can save (the school has no timetable), so those let in get a 400.
                var values = await WithAntiforgeryAsync(_clients[who], who, new Dictionary<string, string>
                {
                    ["Input.Date"] = "2026-11-02",
                    ["Input.Period"] = "1",
                    ["Input.ObserveeId"] = _people.Teacher.Id.ToString(),
                    ["Input.ObserverId"] = _people.Head.Id.ToString(),
                    ["Input.From"] = "2026-11-02",
                    ["Input.To"] = "2026-11-10",
                    ["Input.Kind"] = "learning-walk",
                    ["Settings.MaxObserversPerLesson"] = "0",
                    ["Block.Date"] = "not a date",
                    ["CalendarForm.WeekAStarts"] = "2026-11-03",
                });
                var target = route.Replace("{Rota}", rota.ToString()).Replace("{Visit}", visit.ToString());
                using var response = await _clients[who].PostAsync(Resolve(target), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                var letIn = status is Redirected or BadRequest;
                if (expected[(int)who] == LetIn ? !letIn : status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status is not Redirected)
                {
                    Assert.Equal(before, await RotaFingerprintAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private async Task<Func<string, string>> ObservationSetupAsync()
    {
        var rota = new ObservationRota
        {
            SchoolId = _people.SchoolA1.Id,
            Kind = Core.Observations.Rota.ObservationKind.LearningWalk,
            From = new DateOnly(2025, 10, 6),
            To = new DateOnly(2025, 10, 10),
            MaxVisitsPerObservee = 2,
            MaxObserversPerLesson = 1,
            CreatedByName = "Test",
            Visits =
            [
                new RotaVisit
                {
                    Date = new DateOnly(2025, 10, 6), Period = "1", Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0),
                    ObserverId = _people.Teacher.Id, ObserverKind = Core.Observations.Rota.ObserverKind.Teacher, ObserveeId = _people.Peer.Id, Class = "8B",
                },
            ],
        };
        await Data.WithDbAsync(db =>
        {
            db.ObservationRotas.Add(rota);
            return db.SaveChangesAsync();
        });
        await using var scope = App.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<Core.Observations.ObservationRecords>();
        async Task<int> RecordAsync(StaffMember observer)
        {
            var result = await records.CreateAsync(_people.SchoolA1.Id, new Core.Observations.ObservationInput
            {
                Kind = Core.Observations.Rota.ObservationKind.DropIn,
                ObserverId = observer.Id,
                ObserveeId = _people.Teacher.Id,
                Date = new DateOnly(2025, 10, 1),
                Answers = ["Fractions"],
            }, new Recorder(null, observer.FullName));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            return result.Value!.Id;
        }
        var unshared = await RecordAsync(_people.Mentor);
        var shared = await RecordAsync(_people.Peer);
        return route => Resolve(route).Replace("{Visit}", rota.Visits[0].Id.ToString())
            .Replace("{Unshared}", unshared.ToString()).Replace("{Shared}", shared.ToString())
            .Replace("{BadToken}", new string('x', 43));
    }

    /// <summary>The school's records and their contents, and every feed token, to compare before and after a write.</summary>
    private Task<string> ObservationFingerprintAsync() => Data.WithDbAsync(async db =>
    {
        var records = await db.ObservationRecords.Where(r => r.SchoolId == _people.SchoolA1.Id).OrderBy(r => r.Id)
            .Select(r => r.Id + ":" + r.Notes + ":" + r.UpdatedAt).ToListAsync();
        var tokens = await db.CalendarFeedTokens.OrderBy(t => t.Id).Select(t => t.Token).ToListAsync();
        return string.Join("\n", records.Concat(tokens));
    });

    /// <summary>A rota of school A1 with one visit, stored straight (school A1 has no timetable in the scenario).</summary>
    private async Task<(int Rota, int Visit)> StoreRotaAsync() => await Data.WithDbAsync(async db =>
    {
        var rota = new Core.Data.Models.ObservationRota
        {
            SchoolId = _people.SchoolA1.Id,
            Kind = Core.Observations.Rota.ObservationKind.LearningWalk,
            From = new DateOnly(2026, 11, 2),
            To = new DateOnly(2026, 11, 10),
            MaxVisitsPerObservee = 2,
            MaxObserversPerLesson = 1,
            CreatedAt = DateTime.UtcNow,
            CreatedByName = "Matrix setup",
            Visits =
            [
                new Core.Data.Models.RotaVisit
                {
                    Date = new DateOnly(2026, 11, 2), Period = "1", Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0), ObserverId = _people.Head.Id,
                    ObserverKind = Core.Observations.Rota.ObserverKind.Slt, ObserveeId = _people.Teacher.Id, Class = "9A",
                },
            ],
        };
        db.ObservationRotas.Add(rota);
        await db.SaveChangesAsync();
        return (rota.Id, rota.Visits[0].Id);
    });

    private Task<string> RotaFingerprintAsync() => Data.WithDbAsync(async db => string.Join(";",
        (await db.RotaVisits.OrderBy(v => v.Id).Select(v => $"{v.Id}:{v.Date}:{v.Period}:{v.ObserveeId}").ToListAsync())
        .Concat(await db.ObservationRotas.OrderBy(r => r.Id).Select(r => $"rota {r.Id}").ToListAsync())
        .Concat(await db.ObservationSettings.Select(s => $"settings {s.SchoolId}:{s.MaxObserversPerLesson}").ToListAsync())
        .Concat(await db.BlockedDates.Select(b => $"blocked {b.SchoolId}:{b.Date}").ToListAsync())
        .Concat(await db.SchoolCalendarSettings.Select(c => $"calendar {c.SchoolId}:{c.WeekAStarts}").ToListAsync())));
}
