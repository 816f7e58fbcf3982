using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Costs;

/// <summary>The cost of sending one technician to one order (eligibility aside), as dispatch computes it.</summary>
public static class CostModel
{
    public static CostBreakdown Evaluate(Technician technician, DispatchOrder order, DateTimeOffset now, CostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(technician);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var cost = new OrderCost(order, now, settings);
        return cost.Breakdown(technician.Location.DistanceKmTo(order.Location), cost.CarriesParts(technician));
    }
}
