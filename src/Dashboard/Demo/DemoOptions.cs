using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Demo;

/// <summary>The demo fleet and its simulator (SPEC §2): seeded on start and publishing real MQTT traffic.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seeds the demo fleet and runs the simulator. <c>run.sh</c> turns it on unless <c>--no-demo</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>How many simulated devices; ids run from <c>dev-00001</c>.</summary>
    [Range(1, 100_000)]
    public int DeviceCount { get; set; } = 300;

    /// <summary>Shorthand for <see cref="DeviceCount"/> (<c>--Demo:Devices=100000</c>); wins when set.</summary>
    [Range(1, 100_000)]
    public int? Devices { get; set; }

    /// <summary>Mean seconds between two telemetry messages of one device (each is jittered by ±10%), unless <see cref="ReadingsPerSecond"/> asks for fewer.</summary>
    [Range(0.1, 3600)]
    public double PublishIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Telemetry messages per second from the whole fleet at most: a fleet that would send more at
    /// <see cref="PublishIntervalSeconds"/> has each device publish less often (100,000 devices: one message every 50 s each).
    /// </summary>
    [Range(1, 100_000)]
    public double ReadingsPerSecond { get; set; } = 2_000;

    /// <summary>
    /// Devices that each get their own MQTT connection; the rest publish in-process through the hub's ingest entry point
    /// (docs/demo.md says why). More than <c>Mqtt:MaxConnectionsPerAddress</c> (1,000) needs that raised too.
    /// </summary>
    [Range(0, 50_000)]
    public int MqttConnections { get; set; } = 500;

    /// <summary>Fault episodes per hour across the whole fleet at most: a large fleet gets a lower per-device <see cref="FaultProbability"/>.</summary>
    [Range(0, 100_000)]
    public double MaxFaultsPerHour { get; set; } = 120;

    /// <summary>
    /// Faults per hour across the whole fleet that only a learned rule finds: a speed shifted within its thresholds, a
    /// chiller's return water following its supply, a cabinet heating up on a ramp a forecast sees coming. Scheduled
    /// apart from the threshold faults and often enough that anomaly and forecast alarms show within minutes of the
    /// detectors having learned the fleet (docs/demo.md).
    /// </summary>
    [Range(0, 100_000)]
    public double LearnedFaultsPerHour { get; set; } = 60;

    /// <summary>Seed of the fleet layout and of every signal: the same seed gives the same fleet and values.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Expected faults per device per hour; a fault holds one property beyond a rule's threshold for a while.</summary>
    [Range(0, 1)]
    public double FaultProbability { get; set; } = 0.02;

    /// <summary>Share of devices that publish at QoS 0; the others use QoS 1.</summary>
    [Range(0, 1)]
    public double QoS0Share { get; set; } = 0.1;

    /// <summary>Share of devices that speak MQTT 3.1.1; the others use MQTT 5.</summary>
    [Range(0, 1)]
    public double Mqtt311Share { get; set; } = 0.2;

    /// <summary>New connections opened per second at most, so a large fleet comes up smoothly.</summary>
    [Range(1, 10_000)]
    public int ConnectsPerSecond { get; set; } = 100;

    /// <summary>Publishes awaiting their acknowledgement at most, across the whole fleet.</summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 512;

    /// <summary>
    /// Models, customers, technicians and devices created concurrently while seeding. Registrations that run together
    /// share the state and catalog databases' group commits, so this is what makes seeding a large fleet a bulk write
    /// (100,000 devices: 55 s at 16, about 20 s at 128; docs/benchmarks.md).
    /// </summary>
    [Range(1, 1024)]
    public int SeedParallelism { get; set; } = 128;

    /// <summary>The number of devices the demo simulates.</summary>
    public int FleetSize => Devices ?? DeviceCount;

    /// <summary>Mean time between two messages of one device of a fleet of <paramref name="devices"/>.</summary>
    public TimeSpan PublishIntervalFor(int devices) =>
        TimeSpan.FromSeconds(Math.Max(PublishIntervalSeconds, devices / ReadingsPerSecond));

    /// <summary>Expected faults per device per hour in a fleet of <paramref name="devices"/>.</summary>
    public double FaultProbabilityFor(int devices) => Math.Min(FaultProbability, MaxFaultsPerHour / Math.Max(1, devices));

    /// <summary>Expected learned-rule faults per device per hour in a fleet of <paramref name="devices"/>.</summary>
    public double LearnedFaultProbabilityFor(int devices) => Math.Min(1, LearnedFaultsPerHour / Math.Max(1, devices));

    /// <summary>Seconds between two simulator summary log lines.</summary>
    [Range(1, 86_400)]
    public double StatsLogIntervalSeconds { get; set; } = 60;
}
