using System.Globalization;
using IotService.Contracts.Common;
using IotService.Contracts.Dispatching;
using IotService.Contracts.Technicians;
using IotService.Grains.Dispatching;

namespace IotService.Grains.Tests.Dispatching;

public sealed class DispatchPlannerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:00:00+08:00", CultureInfo.InvariantCulture);
    private static readonly DispatchOptions Options = new();

    private static SolveTechnician Technician(string id, int level, double lat, Shift? shift = null) =>
        new(id, [new SkillLevel("hvac", level)], new GeoPoint(lat, 121.5), shift);

    private static SolveOrder Order(string id, double lat, int level = 1) => new(id, new GeoPoint(lat, 121.5), "hvac", level);

    [Fact]
    public void OrdersAreSolvedJointlyWithTheCostsRoundedAndTheCertificate()
    {
        var request = new SolveRequest(
            [Technician("a", 3, 31.2), Technician("b", 1, 31.3)],
            [Order("o1", 31.21, level: 2), Order("o2", 31.31)],
            SpeedKmh: 60,
            RoadFactor: 1.0);

        var result = DispatchPlanner.Solve(request, Options, Now);

        Assert.Null(result.Errors);
        var plan = result.Plan!;
        Assert.Equal([("o1", "a"), ("o2", "b")], plan.Assignments.Select(a => (a.OrderId, a.TechnicianId)));
        Assert.Empty(plan.Unassigned);
        Assert.Equal(plan.TotalCost, plan.LowerBound, 3);
        Assert.Equal(Math.Round(plan.Assignments.Sum(a => a.Cost), 3), plan.TotalCost, 3);
        Assert.All(plan.Assignments, a => Assert.Equal(Math.Round(a.Cost, 3), a.Cost));
    }

    [Fact]
    public void TheRequestsSpeedOverridesTheConfiguredOne()
    {
        var slow = DispatchPlanner.Solve(new SolveRequest([Technician("a", 3, 31.2)], [Order("o1", 31.3)], SpeedKmh: 30, RoadFactor: 1.0), Options, Now);
        var fast = DispatchPlanner.Solve(new SolveRequest([Technician("a", 3, 31.2)], [Order("o1", 31.3)], SpeedKmh: 60, RoadFactor: 1.0), Options, Now);

        Assert.Equal(2 * fast.Plan!.TotalCost, slow.Plan!.TotalCost, 2);
    }

    [Fact]
    public void WithoutTechniciansOrOrdersTheBodyIsWrong()
    {
        var result = DispatchPlanner.Solve(new SolveRequest(null!, [Order("o1", 31.3)]), Options, Now);

        Assert.Null(result.Plan);
        Assert.Equal(["technicians and orders are required"], result.Errors!["body"]);
    }

    [Fact]
    public void EveryTechnicianProblemIsNamedByItsField()
    {
        var request = new SolveRequest(
            [Technician("a", 3, 31.2, new Shift("8 o'clock", "18:00")), new SolveTechnician("b", [], null!, WorkloadLimit: 0)],
            [Order("o1", 31.3)]);

        var errors = DispatchPlanner.Solve(request, Options, Now).Errors!;

        Assert.Equal(
            ["technicians[0].shift", "technicians[1].skills", "technicians[1].workloadLimit", "technicians[1].location"],
            errors.Keys);
        Assert.Equal(["at least one skill"], errors["technicians[1].skills"]);
        Assert.Equal(["required"], errors["technicians[1].location"]);
    }

    [Fact]
    public void WhatTheEngineRefusesIsAnsweredInThePlansTerms()
    {
        var request = new SolveRequest([Technician("a", 3, 31.2)], [Order("o1", 31.3), Order("o1", 31.4)]);

        var errors = DispatchPlanner.Solve(request, Options, Now).Errors!;

        Assert.Equal(["Order 'o1' appears twice."], errors["orders"]);
    }

    [Fact]
    public void AnImpossibleSpeedIsAFieldError()
    {
        var errors = DispatchPlanner.Solve(new SolveRequest([Technician("a", 3, 31.2)], [Order("o1", 31.3)], SpeedKmh: -5), Options, Now).Errors!;

        Assert.Equal(["SpeedKmh must be a positive number."], errors["speedKmh"]);
    }
}
