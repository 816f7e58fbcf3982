namespace IotService.Dispatch.Costs;

/// <summary>
/// Cost model parameters; every cost is in minutes. Travel = great-circle km ÷ <see cref="SpeedKmh"/> × 60 ×
/// <see cref="RoadFactor"/>; each minute of arrival after the SLA due time adds <see cref="LatenessPenaltyPerMinute"/>;
/// a technician whose van carries every part the order needs gets <see cref="PartsBonusMinutes"/> taken off.
/// </summary>
public sealed record CostSettings
{
    public static CostSettings Default { get; } = new();

    /// <summary>Average travel speed over the straight line, km/h.</summary>
    public double SpeedKmh { get; init; } = 60;

    /// <summary>Road distance ÷ great-circle distance; 1.3 is a typical detour factor for road networks.</summary>
    public double RoadFactor { get; init; } = 1.3;

    /// <summary>Minutes of cost per minute of arrival after the due time (on top of the travel minutes themselves).</summary>
    public double LatenessPenaltyPerMinute { get; init; } = 2;

    /// <summary>Minutes subtracted when the van carries every needed part (a depot detour avoided).</summary>
    public double PartsBonusMinutes { get; init; } = 30;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a non-positive speed or road factor or a negative term.</summary>
    public void Validate()
    {
        Positive(SpeedKmh, nameof(SpeedKmh));
        Positive(RoadFactor, nameof(RoadFactor));
        NonNegative(LatenessPenaltyPerMinute, nameof(LatenessPenaltyPerMinute));
        NonNegative(PartsBonusMinutes, nameof(PartsBonusMinutes));
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive number.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or positive.");
        }
    }
}
