namespace Lynchpin.Core.Progression;

public record CheckpointInfo(int Number, DateOnly Date)
{
    public string Name => SchoolYear.CheckpointName(Number);
}

/// <summary>Which staff a profile counts. Team is a line manager's whole subtree (see <see cref="ProfileCalculator.TeamAsync"/>).</summary>
public record ProfileFilter(StaffCategory? Category = null, RoleFamily? RoleFamily = null, bool? Slt = null, IReadOnlyCollection<int>? Team = null)
{
    public static readonly ProfileFilter Everyone = new();

    /// <summary>The filter as a cache key: equal filters give equal keys, a team by its members.</summary>
    public string Key => $"{Category}|{RoleFamily}|{Slt}|{(Team is null ? "everyone" : string.Join(',', Team.Order()))}";
}

/// <summary>How many people in post were at each stage at one checkpoint, and how many were not assessed.</summary>
public record StageDistribution(IReadOnlyList<int> Stages, int NotAssessed)
{
    public const int StageCount = ProgressionStage.Highest + 1;

    public static readonly StageDistribution Empty = new(new int[StageCount], 0);

    public int Assessed => Stages.Sum();

    public int InPost => Assessed + NotAssessed;

    /// <summary>The mean stage of those assessed, or null when nobody was.</summary>
    public double? MeanStage => Assessed == 0 ? null : Stages.Select((n, stage) => (double)n * stage).Sum() / Assessed;

    /// <summary>Share of those assessed at stages <paramref name="from"/> to <paramref name="to"/>, 0 to 1.</summary>
    public double? ShareAt(int from, int to) =>
        Assessed == 0 ? null : (double)Stages.Skip(from).Take(to - from + 1).Sum() / Assessed;

    /// <summary>Share of everyone in post (assessed or not) at a stage, for the table's percentages.</summary>
    public double PercentOfInPost(int count) => InPost == 0 ? 0 : 100.0 * count / InPost;
}

public record CheckpointProfile(CheckpointInfo Checkpoint, StageDistribution Distribution);

public record SchoolProfile(int Year, IReadOnlyList<CheckpointProfile> Checkpoints)
{
    public CheckpointProfile this[int checkpoint] => Checkpoints.Single(c => c.Checkpoint.Number == checkpoint);

    /// <summary>The latest checkpoint at which anyone was assessed, if any.</summary>
    public CheckpointProfile? LatestAssessed => Checkpoints.LastOrDefault(c => c.Distribution.Assessed > 0);
}

/// <summary>Stage at one checkpoint (rows) against stage at a later one (columns), for people assessed at both.</summary>
public record Transitions(int From, int To, int[][] Matrix)
{
    public int Up => Sum((a, b) => b > a);

    public int Same => Sum((a, b) => b == a);

    public int Down => Sum((a, b) => b < a);

    public int People => Up + Same + Down;

    private int Sum(Func<int, int, bool> where)
    {
        var total = 0;
        for (var a = 0; a < Matrix.Length; a++)
        {
            for (var b = 0; b < Matrix[a].Length; b++)
            {
                total += where(a, b) ? Matrix[a][b] : 0;
            }
        }
        return total;
    }
}

public record YearDistribution(int Year, CheckpointInfo Checkpoint, StageDistribution Distribution);

public record SchoolDistribution(int SchoolId, int Urn, string SchoolName, CheckpointInfo Checkpoint, StageDistribution Distribution);
