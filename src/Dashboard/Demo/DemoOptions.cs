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

    /// <summary>Mean seconds between two telemetry messages of one device (each is jittered by ±10%).</summary>
    [Range(0.1, 3600)]
    public double PublishIntervalSeconds { get; set; } = 5;

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

    /// <summary>Models, customers, technicians and devices created concurrently while seeding.</summary>
    [Range(1, 256)]
    public int SeedParallelism { get; set; } = 16;

    /// <summary>Seconds between two simulator summary log lines.</summary>
    [Range(1, 86_400)]
    public double StatsLogIntervalSeconds { get; set; } = 60;
}
