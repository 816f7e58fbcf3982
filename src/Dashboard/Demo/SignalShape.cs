namespace IotService.Dashboard.Demo;

/// <summary>
/// How one property of a demo model behaves over time. Amplitudes are in the property's unit;
/// a negative <paramref name="DailyAmplitude"/> puts the trough at <paramref name="PeakHour"/>.
/// </summary>
/// <param name="PeakHour">Local hour of day (0–24) of the daily maximum.</param>
/// <param name="Noise">Largest deviation from noise; devices also differ from each other by up to this much.</param>
/// <param name="DriftPerDay">Change per day that accumulates over <paramref name="DriftPeriodDays"/> and then resets (a filter replaced, a battery charged).</param>
/// <param name="FaultValue">
/// What the property reads while faulty (null: it never faults): for <see cref="FaultKind.Stuck"/>, <see cref="FaultKind.Spike"/>
/// and the end of a <see cref="FaultKind.Ramp"/> a value beyond one of the model's threshold rules; for
/// <see cref="FaultKind.Shift"/> an offset from normal, for <see cref="FaultKind.Relation"/> an offset from the previous property.
/// </param>
public sealed record SignalShape(
    SignalKind Kind,
    double Baseline,
    double DailyAmplitude = 0,
    double PeakHour = 15,
    double Noise = 0,
    double DriftPerDay = 0,
    double DriftPeriodDays = 0,
    double? FaultValue = null,
    FaultKind FaultKind = FaultKind.Stuck);
