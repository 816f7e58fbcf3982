namespace IotService.Rules.Thresholds;

/// <summary>
/// What one (device, rule) pair remembers between readings. <c>default</c> is the initial state.
/// All times are reading timestamps, never arrival times.
/// </summary>
/// <param name="PendingSince">Timestamp of the first reading of the current unbroken run that met the condition, while waiting out the duration.</param>
/// <param name="Firing">Whether the rule has raised and not yet cleared.</param>
/// <param name="LastEvaluated">Timestamp of the newest reading evaluated; older readings are ignored.</param>
public readonly record struct ThresholdState(DateTimeOffset? PendingSince, bool Firing, DateTimeOffset? LastEvaluated)
{
    public static ThresholdState Initial => default;
}
