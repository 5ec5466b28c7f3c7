namespace Lynchpin.Core.Kernel;

/// <summary>Who made a change, as the record shows them: an account (by its staff record's name), or a command with none.</summary>
public record Recorder(string? UserId, string Name);
