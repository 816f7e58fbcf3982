namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// Sensitivity (0 to 1, default 0.5) as score levels. The rule raises at <see cref="RaiseAt"/> = 0.95 − 0.2 ·
/// sensitivity (0.85 by default: an error about 1.7 times the training p99.9; 0.75 at sensitivity 1: the p99.9
/// itself; 0.95 at 0: five times it) and clears below <see cref="ClearBelow"/>, 0.1 lower, each after
/// <see cref="Consecutive"/> scored batches in a row, so one noisy row neither raises nor clears.
/// </summary>
public readonly record struct MultivariateLevels(double RaiseAt, double ClearBelow)
{
    public const double DefaultSensitivity = 0.5;

    public const int Consecutive = 2;

    public static MultivariateLevels For(double? sensitivity)
    {
        var s = Math.Clamp(sensitivity ?? DefaultSensitivity, 0, 1);
        var raise = 0.95 - (0.2 * s);
        return new MultivariateLevels(raise, raise - 0.1);
    }
}
