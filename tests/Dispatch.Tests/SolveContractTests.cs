using System.Text.Json;
using System.Text.Json.Nodes;
using IotService.Dispatch.Costs;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Tests;

/// <summary>SPEC §5 <c>POST /api/dispatch/solve</c>: the engine's records map to the route's JSON one to one.</summary>
public sealed class SolveContractTests
{
    [Fact]
    public void TheRouteBodyDeserializesIntoTheEngineRecordsAndTheResultHasTheContractFields()
    {
        const string body = """
            {"technicians":[{"id":"tech-1","location":{"lat":48.137,"lon":11.575},"skills":{"refrigeration":3},
                             "shift":{"start":"08:00","end":"18:00"},"vanStock":{"compressor-relay":2}},
                            {"id":"tech-2","location":{"lat":48.20,"lon":11.60},"skills":{"refrigeration":2}}],
             "orders":[{"id":"wo-1","location":{"lat":48.14,"lon":11.58},"skill":"refrigeration","level":3},
                       {"id":"wo-2","location":{"lat":48.21,"lon":11.61},"skill":"refrigeration","level":1}],
             "speedKmh":60,"roadFactor":1.0}
            """;
        var request = JsonNode.Parse(body)!;
        var technicians = request["technicians"].Deserialize<List<Technician>>(JsonSerializerOptions.Web)!;
        var orders = request["orders"].Deserialize<List<DispatchOrder>>(JsonSerializerOptions.Web)!;
        var settings = new CostSettings { SpeedKmh = (double)request["speedKmh"]!, RoadFactor = (double)request["roadFactor"]! };

        var result = TechnicianPool.Create(technicians).Solve(orders, Fleet.Now, settings);
        var json = JsonSerializer.SerializeToNode(result, JsonSerializerOptions.Web)!;

        Assert.Equal(new ShiftWindow(new(8, 0), new(18, 0)), technicians[0].Shift);
        Assert.Equal(3, orders[0].Level);
        Assert.Equal("wo-1", (string)json["assignments"]![0]!["orderId"]!);
        Assert.Equal("tech-1", (string)json["assignments"]![0]!["technicianId"]!);
        Assert.Equal("tech-2", (string)json["assignments"]![1]!["technicianId"]!);
        var cost = (double)json["assignments"]![0]!["cost"]!;
        Assert.Equal(technicians[0].Location.DistanceKmTo(orders[0].Location), cost, 9);
        Assert.Equal((double)json["totalCost"]!, (double)json["lowerBound"]!, 9);
    }
}
