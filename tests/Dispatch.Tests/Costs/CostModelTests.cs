using IotService.Dispatch.Costs;
using IotService.Dispatch.Geo;
using static IotService.Dispatch.Tests.Fleet;

namespace IotService.Dispatch.Tests.Costs;

public sealed class CostModelTests
{
    [Fact]
    public void TravelIsGreatCircleKilometresOverSpeedTimesRoadFactor()
    {
        var technician = Tech("a", 0) with { Location = new LatLon(48.0, 11.0) };
        var order = Order() with { Location = new LatLon(49.0, 11.0) };
        var km = GreatCircle.DistanceKm(48, 11, 49, 11);

        var cost = CostModel.Evaluate(technician, order, Now, new CostSettings { SpeedKmh = 80, RoadFactor = 1.25 });

        Assert.Equal(111.19, km, 1);
        Assert.Equal(km / 80 * 60 * 1.25, cost.TravelMinutes, 9);
        Assert.Equal(cost.TravelMinutes, cost.Total, 9);
    }

    [Fact]
    public void LatenessCountsOnlyTheMinutesAfterTheDueTime()
    {
        var technician = Tech("a", 60);
        var settings = new CostSettings { SpeedKmh = 60, RoadFactor = 1, LatenessPenaltyPerMinute = 3 };

        var onTime = CostModel.Evaluate(technician, Order(due: Now.AddMinutes(90)), Now, settings);
        var late = CostModel.Evaluate(technician, Order(due: Now.AddMinutes(45)), Now, settings);

        Assert.Equal(0, onTime.LatenessPenalty);
        Assert.Equal(onTime.TravelMinutes - 45, late.LatenessMinutes, 9);
        Assert.Equal(3 * late.LatenessMinutes, late.LatenessPenalty, 9);
        Assert.Equal(late.TravelMinutes + late.LatenessPenalty, late.Total, 9);
    }

    [Fact]
    public void TheBonusCanMakeTheCostNegative()
    {
        var technician = Tech("a", 2, van: new Dictionary<string, int> { ["relay"] = 1 });

        var cost = CostModel.Evaluate(technician, Order(parts: new Dictionary<string, int> { ["relay"] = 1 }), Now, CostSettings.Default);

        Assert.Equal(30, cost.PartsBonus);
        Assert.True(cost.Total < 0);
    }

    [Fact]
    public void AnOrderNeedingNoPartsGivesNoBonus()
    {
        var technician = Tech("a", 2, van: new Dictionary<string, int> { ["relay"] = 1 });

        Assert.Equal(0, CostModel.Evaluate(technician, Order(), Now, CostSettings.Default).PartsBonus);
        Assert.Equal(0, CostModel.Evaluate(technician, Order(parts: new Dictionary<string, int> { ["relay"] = 0 }), Now, CostSettings.Default).PartsBonus);
    }
}
