using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Costs;

/// <summary>
/// The cost terms of one order at one moment, precomputed once per dispatch. Every cost the engine compares —
/// and the lower bound the spatial search prunes with — goes through <see cref="Total"/>, so the indexed search and a
/// linear scan see bit-identical numbers. Total is non-decreasing in distance, which is what makes the bound sound.
/// </summary>
internal readonly struct OrderCost
{
    private readonly double _minutesPerKm;
    private readonly double _slackMinutes;
    private readonly double _penaltyPerMinute;
    private readonly double _partsBonus;
    private readonly IReadOnlyDictionary<string, int>? _parts;

    public OrderCost(DispatchOrder order, DateTimeOffset now, CostSettings settings)
    {
        _minutesPerKm = 60.0 * settings.RoadFactor / settings.SpeedKmh;
        _slackMinutes = order.DueAt is { } due ? (due - now).TotalMinutes : double.PositiveInfinity;
        _penaltyPerMinute = settings.LatenessPenaltyPerMinute;
        _parts = NeedsParts(order.Parts) ? order.Parts : null;
        _partsBonus = _parts is null ? 0 : settings.PartsBonusMinutes;
    }

    /// <summary>The largest bonus any technician can earn on this order (0 when it needs no parts).</summary>
    public double MaxBonus => _partsBonus;

    public bool CarriesParts(Technician technician)
    {
        if (_parts is null)
        {
            return false;
        }

        var van = technician.VanStock;
        if (van is null)
        {
            return false;
        }

        foreach (var (part, count) in _parts)
        {
            if (count > 0 && (!van.TryGetValue(part, out var carried) || carried < count))
            {
                return false;
            }
        }

        return true;
    }

    public double Total(double distanceKm, bool carriesParts)
    {
        var travel = distanceKm * _minutesPerKm;
        var penalty = Math.Max(0, travel - _slackMinutes) * _penaltyPerMinute;
        return travel + penalty - (carriesParts ? _partsBonus : 0);
    }

    /// <summary>No technician at least <paramref name="distanceKm"/> away can cost less than this.</summary>
    public double LowerBound(double distanceKm) => Total(distanceKm, carriesParts: _parts is not null);

    public CostBreakdown Breakdown(double distanceKm, bool carriesParts)
    {
        var travel = distanceKm * _minutesPerKm;
        var late = Math.Max(0, travel - _slackMinutes);
        return new CostBreakdown(
            distanceKm, travel, late, late * _penaltyPerMinute, carriesParts ? _partsBonus : 0, Total(distanceKm, carriesParts));
    }

    private static bool NeedsParts(IReadOnlyDictionary<string, int>? parts)
    {
        if (parts is null)
        {
            return false;
        }

        foreach (var count in parts.Values)
        {
            if (count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
