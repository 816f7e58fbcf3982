namespace IotService.Dashboard.Demo;

/// <summary>Reconnect delays: 1 s, 2 s, 4 s … up to a minute, each scaled by 0.5–1.5 so a fleet that dropped together does not return together.</summary>
public static class BackOff
{
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="jitter">A number in [0, 1): the delay is scaled by 0.5 to 1.5.</param>
    public static TimeSpan Delay(int attempt, double jitter)
    {
        var seconds = Math.Min(Max.TotalSeconds, Math.Pow(2, Math.Clamp(attempt - 1, 0, 6)));
        return TimeSpan.FromSeconds(seconds * (0.5 + jitter));
    }
}
