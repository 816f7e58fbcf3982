using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Dashboard.Demo;

/// <summary>
/// Plays a list of devices until cancelled: the first <see cref="DemoOptions.MqttConnections"/> over one MQTT
/// connection each (they say goodbye at the end), the rest in-process through <see cref="IDirectIngest"/> when one is
/// given. One timer loop walks the MQTT devices ten times a second and starts whatever is due, rather than a delay loop
/// per device, and hands the in-process devices their share of the rate, so a large fleet costs little CPU at rest.
/// </summary>
internal sealed class FleetSimulation : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly List<SimulatedDevice> _devices;
    private readonly InProcessDevices? _inProcess;
    private readonly DemoOptions _options;
    private readonly DemoStats _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FleetSimulation(
        IReadOnlyList<DemoDevice> devices, DemoFleet fleet, DemoSecrets secrets, DemoOptions options, string host, int port,
        DemoStats stats, TimeProvider time, ILogger logger, string keyFile, IDirectIngest? direct = null)
    {
        _options = options;
        _stats = stats;
        _time = time;
        _logger = logger;
        var context = new SimulationContext(
            stats, new SignalGenerator(options.FaultProbabilityFor(devices.Count), options.LearnedFaultProbabilityFor(devices.Count)), options.PublishIntervalFor(devices.Count), time, logger, keyFile);
        var factory = new MqttClientFactory();
        var connected = direct is null ? devices.Count : Math.Min(options.MqttConnections, devices.Count);
        _devices = new List<SimulatedDevice>(connected);
        foreach (var device in devices.Take(connected))
        {
            // Per-device traits come from the seed, so a device keeps its "firmware settings" across restarts.
            var qos = InProcessDevices.QoSOf(device, options);
            var version = StableHash.Unit(StableHash.Combine(device.Seed, 102)) < options.Mqtt311Share ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500;
            var clientOptions = new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithProtocolVersion(version)
                .WithClientId(device.Id)
                .WithCredentials(device.Id, secrets.SecretFor(device.Id))
                .WithCleanSession(true)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
                .WithTimeout(TimeSpan.FromSeconds(10))
                .WithWillTopic($"devices/{device.Id}/status")
                .WithWillPayload("offline")
                .WithWillRetain(false)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            _devices.Add(new SimulatedDevice(device, fleet.Model(device.ModelId), factory.CreateMqttClient(), clientOptions, qos, context));
        }

        _inProcess = direct is null ? null : new InProcessDevices([.. devices.Skip(connected)], fleet, options, direct, context);
        PublishInterval = context.PublishInterval;
        stats.SetDevices(devices.Count);
    }

    /// <summary>Mean time between two messages of one device.</summary>
    public TimeSpan PublishInterval { get; }

    public int MqttDeviceCount => _devices.Count;

    public int InProcessDeviceCount => _inProcess?.Count ?? 0;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await Task.WhenAll(_devices.Select(d => d.CloseAsync(timeout.Token)));
        }
    }

    public void Dispose()
    {
        foreach (var device in _devices)
        {
            device.Dispose();
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var connectsPerTick = _options.ConnectsPerSecond * Tick.TotalSeconds;
        var connectBudget = 0.0;
        var statsInterval = TimeSpan.FromSeconds(_options.StatsLogIntervalSeconds);
        var lastStatsAt = _time.GetUtcNow();
        var lastPublished = 0L;

        using var timer = new PeriodicTimer(Tick, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = _time.GetUtcNow();

            // A token bucket: at most ConnectsPerSecond new connections, never a burst of the whole fleet.
            connectBudget = Math.Min(connectBudget + connectsPerTick, Math.Max(1, connectsPerTick));
            foreach (var device in _devices)
            {
                if (connectBudget >= 1 && device.TryBeginConnect(now))
                {
                    connectBudget--;
                    _ = device.ConnectAsync(stoppingToken);
                }
                else if (_stats.InFlight < _options.MaxInFlight && device.TryBeginPublish(now))
                {
                    _ = device.PublishTelemetryAsync(now, stoppingToken);
                }
            }

            _inProcess?.Tick(now, Tick, _options.MaxInFlight, stoppingToken);

            if (now - lastStatsAt >= statsInterval)
            {
                var s = _stats.Snapshot();
                var rate = (s.Published - lastPublished) / (now - lastStatsAt).TotalSeconds;
                _logger.SimulatorStats(
                    s.Connected, s.Devices, s.Published, rate, s.Rejected, s.PublishFailures, s.ConnectFailures,
                    s.LastError is null ? "" : $"; last error: {s.LastError}");
                (lastStatsAt, lastPublished) = (now, s.Published);
            }
        }
    }
}
