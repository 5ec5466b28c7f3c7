namespace Lynchpin.Core.Outcomes;

/// <summary>The public files Lynchpin imports outcomes from; each is imported for one school year at a time.</summary>
public enum OutcomeFile
{
    /// <summary>KS4 performance tables (the DfE's <c>england_ks4final</c> layout).</summary>
    Ks4,
    /// <summary>KS2 performance tables (<c>england_ks2final</c>).</summary>
    Ks2,
    /// <summary>The school workforce census, school level (Explore Education Statistics "School workforce in England").</summary>
    Workforce,
    /// <summary>Pupil absence by school (Explore Education Statistics school-level layout).</summary>
    Attendance,
}

/// <summary>
/// One figure Lynchpin keeps from a file: its code (stored, and the API's key), the file's column, and how pages name it.
/// <paramref name="Low"/> and <paramref name="High"/> name the codes of its published 95 % confidence interval, if it has one.
/// </summary>
public sealed record OutcomeMeasure(string Code, OutcomeFile File, string Column, string Label, string? Low = null, string? High = null,
    bool IsPercent = false);

/// <summary>Every measure of every file, and each file's layout: the column holding the URN and the columns kept.</summary>
public static class OutcomeMeasures
{
    public const string P8 = "p8", P8Low = "p8Low", P8High = "p8High", Att8 = "att8", Ks4Pupils = "ks4Pupils";
    public const string Basics94 = "basics94", Basics95 = "basics95";
    public const string P8Disadvantaged = "p8Disadvantaged", P8DisadvantagedLow = "p8DisadvantagedLow", P8DisadvantagedHigh = "p8DisadvantagedHigh";
    public const string Att8Disadvantaged = "att8Disadvantaged";
    public const string RwmExpected = "rwmExpected", RwmHigher = "rwmHigher", Ks2Pupils = "ks2Pupils";
    public const string ReadProgress = "readProgress", WritingProgress = "writingProgress", MathsProgress = "mathsProgress";
    public const string WorkforceHeadcount = "workforceHeadcount", TeachersHeadcount = "teachersHeadcount", TasHeadcount = "tasHeadcount";
    public const string SupportHeadcount = "supportHeadcount", AuxiliaryHeadcount = "auxiliaryHeadcount";
    public const string TeachersFte = "teachersFte", TasFte = "tasFte", SupportFte = "supportFte";
    public const string TaTeacherRatioFte = "taTeacherRatioFte", PupilTeacherRatio = "pupilTeacherRatio";
    public const string TeacherSicknessShare = "teacherSicknessShare", SicknessDaysPerTeacher = "sicknessDaysPerTeacher";
    public const string OverallAbsence = "overallAbsence", PersistentAbsence = "persistentAbsence", Enrolments = "enrolments";

    public static IReadOnlyList<OutcomeMeasure> All { get; } =
    [
        new(Ks4Pupils, OutcomeFile.Ks4, "TOTPUPS", "Pupils on roll"),
        new(Att8, OutcomeFile.Ks4, "ATT8SCR", "Attainment 8"),
        new(P8, OutcomeFile.Ks4, "P8MEA", "Progress 8", P8Low, P8High),
        new(P8Low, OutcomeFile.Ks4, "P8CILOW", "Progress 8, lower confidence limit"),
        new(P8High, OutcomeFile.Ks4, "P8CIUPP", "Progress 8, upper confidence limit"),
        new("p8Pupils", OutcomeFile.Ks4, "P8PUP", "Pupils in Progress 8"),
        new(Basics94, OutcomeFile.Ks4, "PTL2BASICS_94", "Grade 4 or above in English and maths", IsPercent: true),
        new(Basics95, OutcomeFile.Ks4, "PTL2BASICS_95", "Grade 5 or above in English and maths", IsPercent: true),
        new(Att8Disadvantaged, OutcomeFile.Ks4, "ATT8SCR_FSM6CLA1A", "Attainment 8, disadvantaged pupils"),
        new(P8Disadvantaged, OutcomeFile.Ks4, "P8MEA_FSM6CLA1A", "Progress 8, disadvantaged pupils", P8DisadvantagedLow, P8DisadvantagedHigh),
        new(P8DisadvantagedLow, OutcomeFile.Ks4, "P8CILOW_FSM6CLA1A", "Progress 8, disadvantaged pupils, lower limit"),
        new(P8DisadvantagedHigh, OutcomeFile.Ks4, "P8CIUPP_FSM6CLA1A", "Progress 8, disadvantaged pupils, upper limit"),

        new(Ks2Pupils, OutcomeFile.Ks2, "TELIG", "Pupils at the end of key stage 2"),
        new(RwmExpected, OutcomeFile.Ks2, "PTRWM_EXP", "Expected standard in reading, writing and maths", IsPercent: true),
        new(RwmHigher, OutcomeFile.Ks2, "PTRWM_HIGH", "Higher standard in reading, writing and maths", IsPercent: true),
        new(ReadProgress, OutcomeFile.Ks2, "READPROG", "Reading progress", "readProgressLow", "readProgressHigh"),
        new("readProgressLow", OutcomeFile.Ks2, "READPROG_LOWER", "Reading progress, lower limit"),
        new("readProgressHigh", OutcomeFile.Ks2, "READPROG_UPPER", "Reading progress, upper limit"),
        new(WritingProgress, OutcomeFile.Ks2, "WRITPROG", "Writing progress", "writingProgressLow", "writingProgressHigh"),
        new("writingProgressLow", OutcomeFile.Ks2, "WRITPROG_LOWER", "Writing progress, lower limit"),
        new("writingProgressHigh", OutcomeFile.Ks2, "WRITPROG_UPPER", "Writing progress, upper limit"),
        new(MathsProgress, OutcomeFile.Ks2, "MATPROG", "Maths progress", "mathsProgressLow", "mathsProgressHigh"),
        new("mathsProgressLow", OutcomeFile.Ks2, "MATPROG_LOWER", "Maths progress, lower limit"),
        new("mathsProgressHigh", OutcomeFile.Ks2, "MATPROG_UPPER", "Maths progress, upper limit"),

        new(WorkforceHeadcount, OutcomeFile.Workforce, "Total School Workforce (Headcount)", "Whole workforce (headcount)"),
        new(TeachersHeadcount, OutcomeFile.Workforce, "Total Number of Teachers (Headcount)", "Teachers (headcount)"),
        new(TasHeadcount, OutcomeFile.Workforce, "Total Number of Teaching Assistants (Headcount)", "Teaching assistants (headcount)"),
        new(SupportHeadcount, OutcomeFile.Workforce, "Total Number of Non Classroom-based School Support Staff, Excluding Auxiliary Staff (Headcount)", "Other support staff (headcount)"),
        new(AuxiliaryHeadcount, OutcomeFile.Workforce, "Total Number of Auxiliary Staff (Headcount)", "Auxiliary staff (headcount)"),
        new(TeachersFte, OutcomeFile.Workforce, "Total Number of Teachers (Full-Time Equivalent)", "Teachers (FTE)"),
        new(TasFte, OutcomeFile.Workforce, "Total Number of Teaching Assistants (Full-Time Equivalent)", "Teaching assistants (FTE)"),
        new(SupportFte, OutcomeFile.Workforce, "Total Number of Non-Classroom-based School Support Staff, (Other school support staff plus Administrative staff plus Technicians and excluding Auxiliary staff (Full-Time Equivalent)", "Other support staff (FTE)"),
        new(TaTeacherRatioFte, OutcomeFile.Workforce, "Ratio of Teaching Assistants to All Teachers (Full-Time Equivalent)", "Teaching assistants per teacher (FTE)"),
        new(PupilTeacherRatio, OutcomeFile.Workforce, "Pupil: Teacher Ratio (Full-Time Equivalent of qualified and unqualified teachers)", "Pupils per teacher (FTE)"),
        new(TeacherSicknessShare, OutcomeFile.Workforce, "Teachers with at Least One Period of Sickness Absence (%)", "Teachers with sickness absence", IsPercent: true),
        new(SicknessDaysPerTeacher, OutcomeFile.Workforce, "Average Number of Days Lost to Teacher Sickness Absence (All Teachers in School)", "Days of sickness absence per teacher"),

        new(Enrolments, OutcomeFile.Attendance, "enrolments", "Pupils enrolled"),
        new(OverallAbsence, OutcomeFile.Attendance, "sess_overall_percent", "Overall absence", IsPercent: true),
        new("authorisedAbsence", OutcomeFile.Attendance, "sess_authorised_percent", "Authorised absence", IsPercent: true),
        new("unauthorisedAbsence", OutcomeFile.Attendance, "sess_unauthorised_percent", "Unauthorised absence", IsPercent: true),
        new(PersistentAbsence, OutcomeFile.Attendance, "enrolments_pa_10_exact_percent", "Persistent absence (pupils missing 10 % or more)", IsPercent: true),
    ];

    private static readonly Dictionary<string, OutcomeMeasure> ByCode = All.ToDictionary(m => m.Code, StringComparer.Ordinal);

    public static OutcomeMeasure Get(string code) => ByCode[code];

    public static IReadOnlyList<OutcomeMeasure> Of(OutcomeFile file) => All.Where(m => m.File == file).ToList();

    /// <summary>The column naming the school: <c>URN</c> in the DfE's tables and the census, <c>school_urn</c> in EES absence files.</summary>
    public static string UrnColumn(OutcomeFile file) => file == OutcomeFile.Attendance ? "school_urn" : "URN";

    /// <summary>The command's and the page's name for the file: <c>ks4</c>, <c>ks2</c>, <c>workforce</c>, <c>attendance</c>.</summary>
    public static string Key(this OutcomeFile file) => file switch
    {
        OutcomeFile.Ks4 => "ks4",
        OutcomeFile.Ks2 => "ks2",
        OutcomeFile.Workforce => "workforce",
        OutcomeFile.Attendance => "attendance",
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };

    public static OutcomeFile? FromKey(string? key) => Enum.GetValues<OutcomeFile>().Cast<OutcomeFile?>().FirstOrDefault(f => f!.Value.Key() == key);

    public static string Title(this OutcomeFile file) => file switch
    {
        OutcomeFile.Ks4 => "KS4 performance tables",
        OutcomeFile.Ks2 => "KS2 performance tables",
        OutcomeFile.Workforce => "School workforce census",
        OutcomeFile.Attendance => "School attendance",
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };
}
