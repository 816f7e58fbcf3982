using System.Globalization;
using IotService.Contracts.Common;
using IotService.Contracts.Dispatching;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dispatch.Costs;
using IotService.Grains.Dispatching;
using static IotService.Contracts.WorkOrders.WorkOrderState;

namespace IotService.Grains.Tests.Dispatching;

public sealed class OverrideQuotesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:00:00+08:00", CultureInfo.InvariantCulture);

    // A minute of cost is a kilometre of great-circle distance, so prices can be read off the map.
    private static readonly CostSettings Plain = new() { SpeedKmh = 60, RoadFactor = 1.0 };

    private static TechnicianDefinition Technician(string id, double? lat) =>
        new(id, id, [new SkillLevel("refrigeration", 3)], lat is { } l ? new GeoPoint(l, 121.47) : null);

    private static DispatchFleet Fleet(params TechnicianDefinition[] technicians) => new(
        [.. technicians.Select(t => DispatchMapping.Technician(t, 0))],
        technicians.Where(t => t.Location is null).Select(t => t.Id).ToHashSet(StringComparer.Ordinal));

    private static WorkOrder Order(string id, double lat, WorkOrderState state = New, string? technicianId = null, DateTimeOffset? due = null) => new(
        id, WorkOrderType.Repair, state, WorkOrderPriority.Normal, WorkOrderSource.Manual, $"dev-{id}", "refrigeration", 2,
        Now, "dispatcher", [], Now)
    {
        Location = new GeoPoint(lat, 121.47),
        TechnicianId = technicianId,
        DueAt = due ?? Now.AddHours(8),
    };

    [Fact]
    public void AnOrderATechnicianHoldsIsPlannedWithThatTechnician()
    {
        var fleet = Fleet(Technician("near", 31.24), Technician("holder", 31.32));
        var order = Order("wo-1", 31.23, Assigned, "holder");

        var quote = OverrideQuotes.Price(order, "near", [order], fleet, Plain, Now).Result.Quote!;

        Assert.Equal(("holder", true), (quote.PlannedTechnicianId, quote.Feasible));
        Assert.Equal(quote.TravelMinutes!.Value - quote.PlannedTravelMinutes!.Value, quote.CostDelta!.Value, 3);
        Assert.InRange(quote.CostDelta!.Value, -8.95, -8.85);
        Assert.Equal(["wo-1"], quote.SlaChanges.Select(c => c.OrderId));
        Assert.Empty(quote.Reassigned);
    }

    [Fact]
    public void ArrivalIsNowPlusTravelAndABreachIsAnArrivalAfterTheDueTime()
    {
        var fleet = Fleet(Technician("near", 31.25), Technician("far", 31.43));
        var order = Order("wo-1", 31.23, due: Now.AddMinutes(10));

        var quote = OverrideQuotes.Price(order, "far", [order], fleet, Plain, Now).Result.Quote!;

        var change = Assert.Single(quote.SlaChanges);
        Assert.Equal(("wo-1", "dev-wo-1", order.DueAt), (change.OrderId, change.DeviceId, change.DueAt));
        Assert.Equal(quote.PlannedTravelMinutes!.Value, (change.EtaBefore!.Value - Now).TotalMinutes, 3);
        Assert.Equal(quote.TravelMinutes!.Value, (change.EtaAfter!.Value - Now).TotalMinutes, 3);
        Assert.Equal(quote.TravelMinutes!.Value - quote.PlannedTravelMinutes!.Value, change.DeltaMinutes!.Value, 3);
        Assert.Equal((false, true), (change.BreachedBefore, change.BreachedAfter));
        Assert.Equal(TimeSpan.Zero, change.EtaAfter!.Value.Offset);
    }

    [Fact]
    public void ATechnicianWithNoKnownPositionIsNotPricedAndTheQuoteSaysWhy()
    {
        var fleet = Fleet(Technician("near", 31.24), Technician("nowhere", null));
        var order = Order("wo-1", 31.23);

        var priced = OverrideQuotes.Price(order, "nowhere", [order], fleet, Plain, Now);

        var quote = priced.Result.Quote!;
        Assert.Equal(DispatchQuoteOutcome.Quoted, priced.Result.Outcome);
        Assert.False(priced.Priced);
        Assert.Equal((false, "availability", OverrideQuotes.NoPosition), (quote.Feasible, quote.Reason, quote.Detail));
        Assert.Equal(("near", (double?)null, (double?)null, (double?)null), (quote.PlannedTechnicianId, quote.TravelMinutes, quote.ExtraTravelMinutes, quote.CostDelta));
        Assert.NotNull(quote.PlannedTravelMinutes);
        Assert.Empty(quote.SlaChanges);
        Assert.Empty(quote.Reassigned);
    }
}
