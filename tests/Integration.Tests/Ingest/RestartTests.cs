using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Ingest;

public sealed class RestartTests
{
    [Fact]
    public async Task DeviceStateModelsAndCredentialsSurviveARestartOfTheHub()
    {
        var hub = await HubHost.StartAsync();
        await hub.CreateChillerModelAsync();
        await hub.CreateCustomerAsync("cust-r");
        var (secret, _) = await hub.RegisterDeviceAsync("dev-restart", customerId: "cust-r");
        await using (var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-restart", secret))
        {
            await device.PublishAsync("""{"values":{"temperature":55.5,"rpm":2500}}""");
            await hub.WaitForValueAsync("dev-restart", "temperature", 55.5);
        }

        await hub.StopAsync();
        await using var restarted = await HubHost.StartAsync(hub.DataPath);

        var state = await restarted.GetDeviceAsync("dev-restart");
        Assert.Equal(55.5, state.Value("temperature"));
        Assert.Equal(2500, state.Value("rpm"));
        Assert.Equal("cust-r", state!["customerId"]!.GetValue<string>());
        var model = await restarted.Admin.GetFromJsonAsync<JsonObject>("/api/device-models/chiller-x");
        Assert.Equal(1, model!["version"]!.GetValue<int>());

        // The directory is rebuilt from storage: the same secret still authenticates and validation still knows the model.
        await using var again = await MqttDevice.ConnectAsync(restarted.MqttPort, "dev-restart", secret);
        await again.PublishAsync("""{"values":{"temperature":56}}""");
        await restarted.WaitForValueAsync("dev-restart", "temperature", 56);
    }

    [Fact]
    public async Task ValuesAreWrittenWithinTheFlushWindowWithoutAGracefulStop()
    {
        // The flush window is 0.2 s in tests. The grain writes its state, then its catalog row;
        // seeing the row change proves the values were written while the hub keeps running,
        // not only when it deactivates grains on a graceful stop.
        await using var hub = await HubHost.StartAsync();
        await hub.CreateChillerModelAsync();
        var (secret, _) = await hub.RegisterDeviceAsync("dev-flush");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-flush", secret);
        await device.PublishAsync("""{"values":{"rpm":1234}}""");
        await hub.WaitForValueAsync("dev-flush", "rpm", 1234);

        var catalog = hub.Get<IotService.Storage.Catalogs.IDeviceCatalog>();
        var summary = await Eventually.GetAsync(() => catalog.GetAsync("dev-flush"), s => s?.ValuesJson.Contains("1234", StringComparison.Ordinal) == true, what: "flushed summary");
        Assert.Equal(IotService.Contracts.Devices.DeviceStatus.Online, summary!.Status);
    }

    [Fact]
    public async Task SilentDeviceIsMarkedOfflineAfterTheLastSeenTimeout()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Devices:LastSeenTimeoutSeconds"] = "1",
            ["Devices:SweepIntervalSeconds"] = "0.2",
        });
        await hub.CreateChillerModelAsync();
        var (secret, _) = await hub.RegisterDeviceAsync("dev-silent");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-silent", secret);

        await device.PublishAsync("""{"values":{"rpm":1}}""");
        await Eventually.GetAsync(() => hub.GetDeviceAsync("dev-silent"), d => d?["status"]?.GetValue<string>() == "online", what: "online");

        var offline = await Eventually.GetAsync(() => hub.GetDeviceAsync("dev-silent"), d => d?["status"]?.GetValue<string>() == "offline", what: "offline after timeout");
        Assert.Equal(1, offline.Value("rpm"));
    }
}
