namespace Lynchpin.Core.Data.Models;

/// <summary>How well a person meets one standard, as they or their line manager see it.</summary>
public enum StandardRating
{
    NotMet,
    Developing,
    Secure,
    Strength,
}

/// <summary>Whose view a rating is: the person's own or their line manager's.</summary>
public enum AssessedBy
{
    Self,
    LineManager,
}

/// <summary>
/// A set of professional standards a school or trust has edited. The built-in sets live in
/// <c>Careers/BuiltIn/standards.json</c>; the first edit copies one here (for the school or the trust, exactly one of
/// which is set) and from then on it replaces the built-in set of the same code there, as the progression framework does.
/// </summary>
public class StandardSet
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public int? TrustId { get; set; }
    public Trust? Trust { get; set; }
    /// <summary>The built-in set's code (<c>hlta</c>, <c>isbl</c>…) or the school's own (<c>own-site</c>).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The role families the set is for, as their codes.</summary>
    public List<RoleFamily> RoleFamilies { get; set; } = [];
    /// <summary>Names of the tiers, when the set has them (ISBL's four); empty otherwise.</summary>
    public List<string> Tiers { get; set; } = [];
    public List<Standard> Standards { get; set; } = [];
}

/// <summary>One standard: a short descriptor in our own words, in a section and (for tiered sets) a tier.</summary>
public class Standard
{
    public const int CodeMaxLength = 20;
    public const int SectionMaxLength = 100;
    public const int TextMaxLength = 500;

    public int Id { get; set; }
    public int SetId { get; set; }
    public StandardSet Set { get; set; } = null!;
    /// <summary>Stable within the set (<c>TS4</c>, <c>HLTA-17</c>, <c>FIN-2</c>), so ratings survive an edit of the wording.</summary>
    public required string Code { get; set; }
    public required string Section { get; set; }
    public int? Tier { get; set; }
    public required string Text { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// A rating of one standard for a person, by the person or their line manager. A new rating adds a row; the latest of
/// each (standard, by) is the current view, so the history of how someone grew stays.
/// </summary>
public class StandardAssessment
{
    public const int NoteMaxLength = 2000;

    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public required string SetCode { get; set; }
    public required string StandardCode { get; set; }
    public StandardRating Rating { get; set; }
    public AssessedBy By { get; set; }
    public DateOnly AssessedOn { get; set; }
    public string? Note { get; set; }
    /// <summary>An appraisal objective the rating feeds (development towards it, evidence for it).</summary>
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
}

public enum QualificationKind
{
    Qualification,
    Apprenticeship,
    Status,
    Npq,
    Degree,
    Licence,
}

/// <summary>
/// A qualification a school or trust added to the catalogue itself (an import's unknown name becomes one). The built-in
/// catalogue is <c>Careers/BuiltIn/qualifications.json</c>; people's qualifications name either by code.
/// </summary>
public class OwnQualification
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int AwardingBodyMaxLength = 100;

    public int Id { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public int? TrustId { get; set; }
    public Trust? Trust { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? AwardingBody { get; set; }
    /// <summary>RQF level 1 to 8, if it has one.</summary>
    public int? Level { get; set; }
    public QualificationKind Kind { get; set; }
    public bool QtsNeeded { get; set; }
    public bool Funded { get; set; }
    public bool Historic { get; set; }
    /// <summary>For licences and certificates that must be renewed (first aid: 36 months).</summary>
    public int? ValidForMonths { get; set; }
}

/// <summary>
/// A person and one qualification: held (with the date gained), being studied for (with the date expected) and/or
/// required by their role by a deadline. One row per person and qualification.
/// </summary>
public class PersonQualification
{
    public const string PersonCodeUniqueIndexName = "ix_person_qualifications_staff_member_id_qualification_code";
    public const int NoteMaxLength = 500;
    public const int FileNameMaxLength = 255;

    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public required string QualificationCode { get; set; }
    public bool Held { get; set; }
    public DateOnly? GainedOn { get; set; }
    public bool InProgress { get; set; }
    public DateOnly? ExpectedOn { get; set; }
    /// <summary>The date the role needs it by (a SENCo's NPQSENCO within three years of appointment).</summary>
    public DateOnly? RequiredBy { get; set; }
    public string? Note { get; set; }
    /// <summary>The evidence file in the evidence store (random name) and the name it was uploaded with.</summary>
    public string? EvidenceStoredName { get; set; }
    public string? EvidenceFileName { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }
}

/// <summary>
/// A step of a career pathway a person holds or held (pathways are <c>Careers/BuiltIn/pathways.json</c>), from a date,
/// with the step they are working towards. The dates give "promotions from within" by year.
/// </summary>
public class CareerStep
{
    public const int CodeMaxLength = 40;

    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember StaffMember { get; set; } = null!;
    public required string PathwayCode { get; set; }
    public required string StepCode { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    /// <summary>The next step the person and their line manager have agreed to work towards, if any.</summary>
    public string? AimStepCode { get; set; }
}
