using IotService.Rules.Anomalies.Detection;

namespace IotService.Rules.Anomalies;

/// <summary>
/// The score at which an anomaly rule raises, from its sensitivity: 0.5 raises at the detector's
/// <see cref="DetectorSettings.AlarmScore"/> (chosen from the thresholds that score best on NAB), 1 at any
/// scored event, 0 at twice the default (only the most surprising events).
/// </summary>
public static class AnomalyThreshold
{
    public static double For(double sensitivity, DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clamped = Math.Clamp(sensitivity, 0, 1);
        return Math.Max(2 * settings.AlarmScore * (1 - clamped), double.Epsilon);
    }
}
