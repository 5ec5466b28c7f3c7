using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Lynchpin.Web.Pages.Appraisals.Reviews;

/// <summary>
/// A mid-year or final review of one person's appraisal: the appraiser's part (ratings and comments), the person's part,
/// both signatures, reopening with a reason and the earlier versions; its evidence (Review.Evidence.cs) and, on the final
/// review, the pay recommendation for accounts with pay access (Review.Pay.cs). Each party edits only their own part.
/// </summary>
// A little over the 10 MB a file may be, so an upload somewhat too big still reaches the handler and gets the
// error summary; far bigger requests are refused by the server before they are read.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[Requires(nameof(Operations.ReadAppraisal))]
public partial class ReviewModel(AppraisalReviews reviews, PayRecommendations payRecommendations) : PersonPageModel
{
    public const long MaxRequestBytes = 2 * EvidenceStore.MaxLength;

    /// <summary>The school year asked for (<c>?year=2025</c>); without one, this year's appraisal, else the person's latest.</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    [System.ComponentModel.DataAnnotations.Display(Name = "school year")]
    public int? AskedYear { get; set; }

    public Appraisal Appraisal { get; private set; } = null!;
    public ReviewKind Kind { get; private set; }
    public int Year => Appraisal.Cycle.Year;
    public StaffMember Person => Appraisal.StaffMember;

    /// <summary>The version shown: the current one, or an earlier one asked for by number.</summary>
    public AppraisalReview? Review { get; private set; }

    /// <summary>Every version of this kind, newest first.</summary>
    public IReadOnlyList<AppraisalReview> Versions { get; private set; } = [];

    /// <summary>The current mid-year review, shown beside the final ratings for context.</summary>
    public AppraisalReview? MidYear { get; private set; }

    public bool CanManage { get; private set; }
    public bool CanActAsAppraisee { get; private set; }
    public bool CanReopen { get; private set; }

    /// <summary>Why the review cannot start yet, if it cannot.</summary>
    public FieldError? StartError { get; private set; }

    public bool IsCurrent => Review?.IsCurrent == true;
    public bool IsLocked => Review?.IsLocked == true;
    public bool CanEditAppraiserPart => IsCurrent && !IsLocked && CanManage;
    public bool CanEditAppraiseePart => IsCurrent && !IsLocked && CanActAsAppraisee;
    public bool CanEditEvidence => CanEditAppraiserPart || CanEditAppraiseePart;
    /// <summary>The signed-in person is this appraisal's appraiser (a leader may write the appraiser's part without being it).</summary>
    public bool IsAppraiser { get; private set; }

    // Named, so a form without these fields never binds the whole form as the dictionary (ASP.NET's empty-prefix
    // fallback); checked here and by the rules rather than by attributes, so nothing is implicitly required.
    [BindProperty(Name = nameof(Ratings))][ValidateNever] public Dictionary<int, string?> Ratings { get; set; } = [];
    [BindProperty(Name = nameof(RatingComments))][ValidateNever] public Dictionary<int, string?> RatingComments { get; set; } = [];
    [BindProperty] public string? AppraiserComments { get; set; }
    [BindProperty] public string? OverallComments { get; set; }
    [BindProperty] public string? AppraiseeComments { get; set; }
    [BindProperty] public string? Reflection { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>The review's revision the page showed: a save or a signature on a stale page is refused (a 409).</summary>
    [BindProperty] public int? Revision { get; set; }

    /// <summary>The revision the forms carry: the one posted, kept while the page shows errors, unless it was stale.</summary>
    public int FormRevision => Revision is int posted && Conflict is null ? posted : Review?.Revision ?? 0;

    /// <summary>This review's route: the person, the kind and the year.</summary>
    private object Route => new { id = Person.Id, kind = Kind.Code(), year = Year };

    public string PageUrl => Url.To<ReviewModel>(Route);

    public string HandlerUrl(string handler) => Url.To<ReviewModel>(Route, handler);

    public string VersionUrl(int version) => Url.To<ReviewModel>(new { id = Person.Id, kind = Kind.Code(), year = Year, version });

    public string AppraisalUrl => Url.To<Appraisals.Person.IndexModel>(new { id = Person.Id, year = Year });

    public string ReviewName => Kind == ReviewKind.MidYear ? "mid-year review" : "final review";

    public IEnumerable<SelectListItem> RatingOptions =>
        AppraisalCodes.RatingsFor(Kind).Select(r => new SelectListItem(r.DisplayName(), r.Code()));

    /// <summary>The objectives as cards for the version shown.</summary>
    public IEnumerable<ObjectiveCard> Cards => Appraisal.Objectives.Select((objective, i) =>
    {
        var rating = Review?.Ratings.FirstOrDefault(r => r.ObjectiveId == objective.Id);
        return new ObjectiveCard(
            i + 1,
            objective,
            rating,
            MidYear?.Ratings.FirstOrDefault(r => r.ObjectiveId == objective.Id),
            ShowRating: !CanEditAppraiserPart,
            // At risk or off track now: the person's appraisal page holds the support plan and its form.
            ShowSupportPlan: Kind == ReviewKind.MidYear && IsCurrent && AppraisalRules.MayHaveSupportPlan(rating?.Rating),
            CanAddSupportPlan: CanManage,
            SupportPlanUrl: Url.To<Appraisals.Person.IndexModel>(new { id = Person.Id, year = Year }, fragment: $"objective-{objective.Id}"));
    });

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken ct)
    {
        if (version is int asked && asked != Review?.Version)
        {
            Review = Versions.SingleOrDefault(v => v.Version == asked);
            if (Review is null)
            {
                return NotFound();
            }
        }
        FillForms();
        await AuditAsync(AuditActions.AppraisalRead, AuditSubject.Record(AuditRecordTypes.Appraisal, Appraisal.Id, Member),
            $"{Kind.DisplayName()}{(Review is { } shown && !IsCurrent ? $" (version {shown.Version})" : "")}, {SchoolYear.Name(Year)}", ct);
        await ReadPayAsync(ct);
        return Page();
    }

    [Requires(nameof(Operations.ManageAppraisal))]
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var result = await reviews.StartAsync(Appraisal.Id, Kind, await RecorderAsync(ct), ct);
        return await DoneAsync(result, $"The {ReviewName} has started.", "#appraiser-part", ct);
    }

    [Requires(nameof(Operations.ManageAppraisal))]
    public async Task<IActionResult> OnPostAppraiserAsync(CancellationToken ct)
    {
        if (Review is null)
        {
            return NotFound();
        }
        var ratings = new List<RatingInput>();
        foreach (var objective in Appraisal.Objectives)
        {
            Rating? rating = null;
            if (Ratings.GetValueOrDefault(objective.Id) is { Length: > 0 } code)
            {
                if (AppraisalCodes.TryParseRating(code, out var parsed))
                {
                    rating = parsed;
                }
                else
                {
                    ModelState.AddModelError(AppraisalRules.RatingField(objective.Id), RatingChoiceMessage);
                }
            }
            ratings.Add(new RatingInput(objective.Id, rating, RatingComments.GetValueOrDefault(objective.Id)));
        }
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(ct);
        }
        var wasSigned = Review!.AppraiserSignedAt is not null || Review.AppraiseeSignedAt is not null;
        var result = await reviews.SaveAsAppraiserAsync(Review.Id, new AppraiserReviewInput(ratings, AppraiserComments,
            Kind == ReviewKind.Final ? OverallComments : Review.OverallComments), Revision, await RecorderAsync(ct), ct);
        var unsigned = wasSigned && result.Value is { AppraiserSignedAt: null, AppraiseeSignedAt: null };
        return await DoneAsync(result, unsigned
            ? "Your part of the review is saved. It changed after signing, so the signatures are removed: sign again when it is ready."
            : "Your part of the review is saved as a draft.", "#appraiser-part", ct);
    }

    [Requires(nameof(Operations.ManageAppraisal))]
    public async Task<IActionResult> OnPostSignAppraiserAsync(CancellationToken ct)
    {
        if (Review is null)
        {
            return NotFound();
        }
        var result = await reviews.SignAsAppraiserAsync(Review.Id, await RecorderAsync(ct), Revision, ct);
        return await DoneAsync(result, $"You have signed the {ReviewName} as appraiser.", "#signatures", ct);
    }

    [Requires(nameof(Operations.SignAsAppraisee))]
    public async Task<IActionResult> OnPostAppraiseeAsync(CancellationToken ct)
    {
        if (Review is null)
        {
            return NotFound();
        }
        var wasSigned = Review.AppraiseeSignedAt is not null;
        var result = await reviews.SaveAsAppraiseeAsync(Review.Id, new AppraiseeReviewInput(AppraiseeComments,
            Kind == ReviewKind.Final ? Reflection : Review.Reflection), Revision, await RecorderAsync(ct), ct);
        var unsigned = wasSigned && result.Value is { AppraiseeSignedAt: null };
        return await DoneAsync(result, unsigned
            ? "Your comments are saved. They changed after you signed, so your signature is removed: sign again when they are ready."
            : "Your comments are saved.", "#appraisee-part", ct);
    }

    [Requires(nameof(Operations.SignAsAppraisee))]
    public async Task<IActionResult> OnPostSignAppraiseeAsync(CancellationToken ct)
    {
        if (Review is null)
        {
            return NotFound();
        }
        // The person signs what the appraiser has put their name to, so the appraiser signs first.
        if (Review.AppraiserSignedAt is null && !Review.IsLocked)
        {
            return await FailAsync([new FieldError("Review", AppraiserFirstMessage)], ct);
        }
        var result = await reviews.SignAsAppraiseeAsync(Review.Id, Revision, await RecorderAsync(ct), ct);
        return await DoneAsync(result, IsLockedAfterAppraiseeSigns
            ? $"You have signed the {ReviewName}. It is signed by both of you and now locked."
            : $"You have signed the {ReviewName}.", "#signatures", ct);
    }

    [Requires(nameof(Operations.Reopen))]
    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (Review is null)
        {
            return NotFound();
        }
        var result = await reviews.ReopenAsync(Review.Id, Reason, await RecorderAsync(ct), Revision, ct);
        return await DoneAsync(result, result.Value is { } reopened
            ? $"The {ReviewName} is reopened as version {reopened.Version}. The signed version is kept in the history."
            : "", "#appraiser-part", ct);
    }

    private const string RatingChoiceMessage = "Select one of the ratings offered";

    private string AppraiserFirstMessage =>
        $"{AppraiserName} signs first: you can sign once they have, so that you sign what they have put their name to";

    public string AppraiserName => Appraisal.Appraiser?.FullName ?? "The appraiser";

    private bool IsLockedAfterAppraiseeSigns => Review?.AppraiserSignedAt is not null;

    /// <summary>
    /// After the person: the kind of review in the URL, their appraisal of the year (this school year's, else their latest),
    /// 404 without one, then 403 unless the reader may read it and do what the handler requires.
    /// </summary>
    protected override async Task<IActionResult?> AuthorizeAsync(CancellationToken ct)
    {
        var kind = RouteString("kind");
        if (!AppraisalCodes.TryParseReviewKind(kind, out var parsed) || parsed.Code() != kind)
        {
            return NotFound();
        }
        Kind = parsed;
        if (ModelState.GetFieldValidationState("year") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // A year that is not one is a 400 (Security/InputRanges), once the viewer may see the person at all.
            return await MayAsync(Member, Operations.Read) ? null : Forbid();
        }
        var (id, year) = (Member.Id, AskedYear);
        if (year is null)
        {
            var years = await Db.Appraisals.Where(a => a.StaffMemberId == id).Select(a => a.Cycle.Year).ToListAsync(ct);
            var thisYear = SchoolYear.Of(Today);
            year = years.Contains(thisYear) ? thisYear : years.Count > 0 ? years.Max() : null;
        }
        var appraisal = year is null
            ? null
            : await Db.Appraisals.AsNoTracking().WithDetails().SingleOrDefaultAsync(a => a.StaffMemberId == id && a.Cycle.Year == year, ct);
        if (appraisal is null)
        {
            return NotFound();
        }
        Appraisal = appraisal;
        if (!await AllowedAsync(Operations.ReadAppraisal) || !await AllowedAsync(Requirement))
        {
            return Forbid();
        }
        if (appraisal.Cycle.IsClosed && ClosedCycle.IsWrite(Request))
        {
            return ClosedCycle.Refuse(HttpContext, appraisal.Cycle);
        }

        // A closed cycle offers nothing to change.
        var open = !appraisal.Cycle.IsClosed;
        CanManage = open && await AllowedAsync(Operations.ManageAppraisal);
        CanActAsAppraisee = open && await AllowedAsync(Operations.SignAsAppraisee);
        CanReopen = open && await AllowedAsync(Operations.Reopen);
        var scope = await Access.GetAsync(ct);
        IsAppraiser = scope.OwnStaffId is int own && own == appraisal.AppraiserId;
        CanSeePay = !IsOwn && await AllowedAsync(Operations.ReadPay);

        Versions = appraisal.Reviews.Where(r => r.Kind == Kind).OrderByDescending(r => r.Version).ToList();
        Review = appraisal.CurrentReview(Kind);
        MidYear = Kind == ReviewKind.Final ? appraisal.CurrentReview(ReviewKind.MidYear) : null;
        StartError = AppraisalRules.StartReviewError(appraisal);
        return null;
    }

    private Task<bool> AllowedAsync(OperationAuthorizationRequirement operation) => MayAsync(Appraisal, operation);

    /// <summary>
    /// The forms' values as saved in the review shown, except fields a refused post sent: those stay as typed.
    /// </summary>
    private void FillForms()
    {
        bool Posted(string key) => Request.HasFormContentType && Request.Form.ContainsKey(key);
        foreach (var objective in Appraisal.Objectives)
        {
            var rating = Review?.Ratings.FirstOrDefault(r => r.ObjectiveId == objective.Id);
            if (!Posted(AppraisalRules.RatingField(objective.Id)))
            {
                Ratings[objective.Id] = rating?.Rating.Code();
            }
            if (!Posted($"{nameof(RatingComments)}[{objective.Id}]"))
            {
                RatingComments[objective.Id] = rating?.Comment;
            }
        }
        if (!Posted(nameof(AppraiserComments)))
        {
            AppraiserComments = Review?.AppraiserComments;
        }
        if (!Posted(nameof(OverallComments)))
        {
            OverallComments = Review?.OverallComments;
        }
        if (!Posted(nameof(AppraiseeComments)))
        {
            AppraiseeComments = Review?.AppraiseeComments;
        }
        if (!Posted(nameof(Reflection)))
        {
            Reflection = Review?.Reflection;
        }
    }

    private async Task<IActionResult> DoneAsync(Result result, string message, string anchor, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return await FailAsync(result.Errors, ct);
        }
        TempData["Success"] = message;
        return RedirectTo<ReviewModel>(Route, anchor.TrimStart('#'));
    }

    private async Task<IActionResult> FailAsync(IEnumerable<FieldError> errors, CancellationToken ct)
    {
        AddErrors(errors, FieldKey);
        return await RedisplayAsync(ct);
    }

    /// <summary>The page again with the errors, as it now stands, and a 400.</summary>
    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        // Nothing a refused change left in the context may be saved by the pay read's audit event.
        Db.ChangeTracker.Clear();
        var appraisal = await Db.Appraisals.AsNoTracking().WithDetails().SingleAsync(a => a.Id == Appraisal.Id, ct);
        Appraisal = appraisal;
        Versions = appraisal.Reviews.Where(r => r.Kind == Kind).OrderByDescending(r => r.Version).ToList();
        Review = appraisal.CurrentReview(Kind);
        MidYear = Kind == ReviewKind.Final ? appraisal.CurrentReview(ReviewKind.MidYear) : null;
        if (Review is not null)
        {
            ShowConflict(ReviewParts.Of(Review.AppraiserComments, Review.OverallComments, Review.AppraiseeComments, Review.Reflection),
                ReviewParts.Of(Posted(nameof(AppraiserComments), AppraiserComments, Review.AppraiserComments),
                    Posted(nameof(OverallComments), OverallComments, Review.OverallComments),
                    Posted(nameof(AppraiseeComments), AppraiseeComments, Review.AppraiseeComments),
                    Posted(nameof(Reflection), Reflection, Review.Reflection)));
        }
        FillForms();
        await ReadPayAsync(ct);
        return Invalid();
    }

    /// <summary>What the person typed in a field, if this post sent it, else what is saved.</summary>
    private string? Posted(string field, string? typed, string? saved) =>
        Request.HasFormContentType && Request.Form.ContainsKey(field) ? typed : saved;

    /// <summary>The form field a service's error belongs to; errors about the review as a whole have none.</summary>
    private string FieldKey(string field) => field switch
    {
        "File" => nameof(Upload),
        "ObjectiveId" => Request.Query["handler"] == "Link" ? nameof(LinkObjectiveId) : nameof(FileObjectiveId),
        "PayRecommendation" => nameof(PayText),
        "Review" or "Objectives" => "",
        _ => field,
    };
}
