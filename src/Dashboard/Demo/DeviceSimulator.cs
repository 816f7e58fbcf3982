using IotService.Grains.Devices;
using IotService.Ingest.Mqtt;
using IotService.Storage;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The demo's hosted service: once the hub is up, seeds whatever of the demo fleet is missing,
/// then simulates the fleet (over MQTT connections, and in-process beyond <see cref="DemoOptions.MqttConnections"/>) until the hub stops.
/// </summary>
public sealed class DeviceSimulator(
    IServiceProvider services,
    IOptions<DemoOptions> options,
    IOptions<MqttOptions> mqtt,
    IOptions<StorageOptions> storage,
    IOptions<DeviceOptions> presence,
    IHostApplicationLifetime lifetime,
    DemoStats stats,
    TimeProvider time,
    ILogger<DeviceSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled || !await WaitForHubStartedAsync(stoppingToken))
        {
            return;
        }

        IReadOnlyList<DemoDevice> devices;
        try
        {
            // Resolved only when the demo runs, so a hub without it never creates a demo key.
            devices = await services.GetRequiredService<DemoSeeder>().SeedAsync(stoppingToken);
            await services.GetRequiredService<DemoUsers>().EnsureAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // A failed demo must not take the hub down with it.
            logger.SeedFailed(ex);
            return;
        }

        var host = BrokerHost(mqtt.Value.Host);
        var keyFile = Path.GetFullPath(Path.Combine(storage.Value.Path, DemoSecrets.KeyFileName));
        using var simulation = new FleetSimulation(
            devices, services.GetRequiredService<DemoFleet>(), services.GetRequiredService<DemoSecrets>(), demo,
            host, mqtt.Value.Port, stats, time, logger, keyFile, services.GetRequiredService<IDirectIngest>());
        var interval = simulation.PublishInterval.TotalSeconds;
        logger.SimulatorStarted(devices.Count, simulation.MqttDeviceCount, simulation.InProcessDeviceCount, host, mqtt.Value.Port, interval, devices.Count / interval);

        // Jitter stretches an interval by up to 10%: beyond the presence timeout, the console would show a fleet flickering offline.
        if (interval * 1.1 >= presence.Value.LastSeenTimeoutSeconds)
        {
            logger.IntervalBeyondPresenceTimeout(interval, devices.Count, demo.ReadingsPerSecond, presence.Value.LastSeenTimeoutSeconds);
        }

        await simulation.RunAsync(stoppingToken);
        logger.SimulatorStopped(stats.Snapshot().Published);
    }

    /// <summary>Grains, the broker and the registrar are all hosted services: wait until every one has started.</summary>
    private async Task<bool> WaitForHubStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A wildcard bind address is not somewhere to connect to; its loopback is.</summary>
    internal static string BrokerHost(string host) => host switch
    {
        "" or "0.0.0.0" or "*" or "+" => "127.0.0.1",
        "::" or "[::]" => "::1",
        _ => host,
    };
}
