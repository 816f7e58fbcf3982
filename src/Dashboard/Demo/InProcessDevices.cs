using MQTTnet.Protocol;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The devices beyond the simulator's MQTT connections: they publish in turn, round robin, at the fleet's share of the
/// rate, through <see cref="IDirectIngest"/>. Each keeps its QoS trait, so QoS 1 messages still wait until stored.
/// Costs one array entry per device and no connection, timer or task while idle.
/// </summary>
internal sealed class InProcessDevices
{
    private readonly (DemoDevice Device, DemoModel Model, bool Reliable, string Topic)[] _devices;
    private readonly IDirectIngest _ingest;
    private readonly SimulationContext _context;
    private readonly double _perSecond;
    private double _budget;
    private int _next;

    public InProcessDevices(IReadOnlyList<DemoDevice> devices, DemoFleet fleet, DemoOptions options, IDirectIngest ingest, SimulationContext context)
    {
        _ingest = ingest;
        _context = context;
        _devices = [.. devices.Select(d => (d, fleet.Model(d.ModelId), QoSOf(d, options) == MqttQualityOfServiceLevel.AtLeastOnce, $"devices/{d.Id}/telemetry"))];
        _perSecond = _devices.Length / context.PublishInterval.TotalSeconds;

        // Start at a different place every run, so a restarted simulator does not favour the first devices.
        _next = _devices.Length == 0 ? 0 : Random.Shared.Next(_devices.Length);
    }

    public int Count => _devices.Length;

    /// <summary>The per-device QoS trait, from the device's seed, shared with the MQTT devices.</summary>
    public static MqttQualityOfServiceLevel QoSOf(DemoDevice device, DemoOptions options) =>
        StableHash.Unit(StableHash.Combine(device.Seed, 101)) < options.QoS0Share
            ? MqttQualityOfServiceLevel.AtMostOnce
            : MqttQualityOfServiceLevel.AtLeastOnce;

    /// <summary>Starts the publishes due in <paramref name="elapsed"/>, as far as the fleet's in-flight bound allows.</summary>
    public void Tick(DateTimeOffset now, TimeSpan elapsed, int maxInFlight, CancellationToken cancellationToken)
    {
        if (_devices.Length == 0)
        {
            return;
        }

        // Unused budget is capped at one tick's worth, so a stall is not followed by a burst.
        var perTick = _perSecond * elapsed.TotalSeconds;
        _budget = Math.Min(_budget + perTick, Math.Max(1, perTick));
        while (_budget >= 1 && _context.Stats.InFlight < maxInFlight)
        {
            _budget--;
            var device = _devices[_next];
            _next = (_next + 1) % _devices.Length;
            _ = PublishAsync(device, now, cancellationToken);
        }
    }

    private async Task PublishAsync((DemoDevice Device, DemoModel Model, bool Reliable, string Topic) d, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stats = _context.Stats;
        stats.OnPublishStarted();
        try
        {
            var values = new double[d.Model.Properties.Count];
            _context.Signals.SampleAll(d.Model, d.Device.Seed, at, d.Device.UtcOffset, values);
            var location = d.Model.Mobile ? SignalGenerator.Wander(d.Device.Location, d.Device.Seed, at) : null;
            var payload = TelemetryPayload.Write(at, d.Model, values, location);
            if (await _ingest.PublishAsync(d.Device.Id, d.Topic, payload, d.Reliable, cancellationToken))
            {
                stats.OnPublished();
            }
            else
            {
                stats.OnRejected($"{d.Device.Id}: rejected by ingest");
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            stats.OnPublishFailed($"{d.Device.Id}: {ex.Message}");
        }
        finally
        {
            stats.OnPublishEnded();
        }
    }
}
