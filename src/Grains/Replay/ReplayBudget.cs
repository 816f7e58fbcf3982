namespace IotService.Grains.Replay;

/// <summary>How many stored readings a replay may still read (<see cref="RuleReplayOptions.MaxReadings"/> over all devices).</summary>
internal sealed class ReplayBudget(int maxReadings, int readSoFar)
{
    private long _read = readSoFar;

    public int Left => (int)Math.Max(0, maxReadings - _read);

    /// <exception cref="ReplayTooLargeException">The readings take the replay past its budget.</exception>
    public void Take(int readings)
    {
        _read += readings;
        if (_read > maxReadings)
        {
            throw new ReplayTooLargeException(maxReadings);
        }
    }

    public void Return(int readings) => _read -= readings;
}
