using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Demo;

/// <summary>What <c>./run.sh</c> promises: a seeded fleet whose devices publish over real MQTT within seconds.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task DemoFleetIsSeededAndItsDevicesComeOnlineOverMqtt()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DeviceCount"] = "24",
            ["Demo:PublishIntervalSeconds"] = "0.5",
        });

        var online = await Eventually.GetAsync(
            async () => (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/devices?status=online&limit=1000"))!["items"]!.AsArray(),
            items => items.Count == 24 && items.All(d => d!["values"]!.AsObject().Count > 0),
            TimeSpan.FromSeconds(60),
            "24 demo devices online with values");

        Assert.Equal(24, online.Select(d => d!["id"]!.GetValue<string>()).Distinct().Count());
        var models = (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/device-models"))!["items"]!.AsArray();
        Assert.Equal(6, models.Count);
        var stats = await hub.StatsAsync();
        Assert.Equal(0, stats["rejectedTotal"]!.GetValue<long>());

        var login = await hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "customer1", password = "demo" });
        await HubApi.EnsureAsync(login, System.Net.HttpStatusCode.OK);
        Assert.Equal("customer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["role"]!.GetValue<string>());
    }
}
