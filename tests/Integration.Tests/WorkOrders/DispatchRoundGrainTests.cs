using System.Net;
using System.Net.Http.Json;
using IotService.Contracts.Dispatching;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.WorkOrders;

/// <summary>Automatic dispatch runs in one grain activation, one round at a time.</summary>
public sealed class DispatchRoundGrainTests
{
    [Fact]
    public async Task TwoRoundsTriggeredTogetherRunOneAfterTheOtherAndNeverDoubleAssign()
    {
        // No timer round in between: this test triggers the rounds itself.
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Dispatch:IntervalSeconds"] = "3600" });
        await hub.CreateChillerModelAsync();
        await hub.CreateTechnicianAsync("tech-one", "refrigeration", 31.25, 121.47, workloadLimit: 1);
        await hub.RegisterDeviceAsync("dev-r");
        foreach (var description in new[] { "first", "second" })
        {
            await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = "dev-r", description }), HttpStatusCode.Created);
        }

        var round = hub.Get<IGrainFactory>().DispatchRound();
        var assigned = await Task.WhenAll(round.RunRoundAsync(), round.RunRoundAsync());

        // Overlapping rounds would both see the technician free and give it an order each (or the same order twice).
        Assert.Equal([0, 1], assigned.Order());
        var orders = await hub.WorkOrdersAsync("deviceId=dev-r");
        Assert.Equal(["assigned", "new"], orders.Select(o => o.Text("state")).Order(StringComparer.Ordinal));
        var taken = orders.Single(o => o.Text("state") == "assigned");
        Assert.Equal("tech-one", taken.Text("technicianId"));
        Assert.Single(taken!["history"]!.AsArray(), s => s.Text("state") == "assigned");
    }
}
