using System.Collections.Concurrent;
using IotService.Dashboard.Demo;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Dashboard.Tests.Demo;

public sealed class FleetSimulationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryDeviceConnectsPublishesRepeatedlyAndSaysOfflineAtShutdown()
    {
        var secrets = new DemoSecrets(Enumerable.Repeat((byte)3, 32).ToArray());
        var fleet = DemoFleet.Create(seed: 42, deviceCount: 80);
        var telemetryCounts = new ConcurrentDictionary<string, int>();
        var qosSeen = new ConcurrentDictionary<MqttQualityOfServiceLevel, bool>();
        var lastStatus = new ConcurrentDictionary<string, string>();
        var everyDeviceTwice = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var broker = await TestBroker.StartAsync(secrets, m =>
        {
            if (m.Topic.EndsWith("/telemetry", StringComparison.Ordinal))
            {
                qosSeen[m.Qos] = true;
                telemetryCounts.AddOrUpdate(m.ClientId, 1, (_, n) => n + 1);
                if (telemetryCounts.Count == fleet.Devices.Count && telemetryCounts.Values.All(n => n >= 2))
                {
                    everyDeviceTwice.TrySetResult();
                }
            }
            else
            {
                lastStatus[m.ClientId] = m.Payload;
            }

            return false;
        });
        var options = new DemoOptions { PublishIntervalSeconds = 0.5, ConnectsPerSecond = 200 };
        var stats = new DemoStats();
        using var stop = new CancellationTokenSource();
        using var simulation = new FleetSimulation(
            fleet.Devices, fleet, secrets, options, "127.0.0.1", broker.Port, stats, TimeProvider.System, NullLogger.Instance, "demo.key");

        var running = simulation.RunAsync(stop.Token);
        await everyDeviceTwice.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await running.WaitAsync(Patience);

        var final = stats.Snapshot();
        Assert.Equal((80, 0, 80L, 0L, 0L, 0L), (final.Devices, final.Connected, final.Connects, final.ConnectFailures, final.Rejected, final.PublishFailures));
        Assert.Equal(fleet.Devices.Select(d => d.Id).Order(), lastStatus.Keys.Order());
        Assert.All(lastStatus.Values, status => Assert.Equal("offline", status));
        Assert.Equal([MqttQualityOfServiceLevel.AtMostOnce, MqttQualityOfServiceLevel.AtLeastOnce], qosSeen.Keys.Order());
        Assert.Equal([MqttProtocolVersion.V311, MqttProtocolVersion.V500], broker.ProtocolVersions.Values.Distinct().Order());
    }
}
