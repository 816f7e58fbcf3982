using System.Globalization;
using IotService.Benchmarks.Cli;

namespace IotService.Benchmarks.Sweep;

/// <summary>
/// <c>sweep [--targets relay,hub] [--rates 2000,5000,10000,15000,20000,25000,30000] [--no-saturation] [--connections 200]
/// [--step-seconds 10] [--warmup-seconds 3] [--qos 1] [--values 4] [--anomaly] [--storage-path SEEDED] [--hub-arg Key=Value]…
/// [--hub-dll PATH] [--mosquitto PATH] [--relay-conf LINE]… [--out docs/img/sweep] [--label TEXT]</c>.
/// Rates are messages a second over all connections; the saturation step publishes unpaced. <c>--relay-conf</c>
/// appends a line to the relay's mosquitto.conf (e.g. <c>"max_queued_messages 0"</c>). <c>--out</c> is the
/// path without extension of the .png, .csv and .json written. The hub's load model has a threshold rule on every value
/// and a no-data rule; <c>--anomaly</c> adds an anomaly rule on every property.
/// </summary>
public sealed record SweepOptions(
    IReadOnlyList<string> Targets,
    IReadOnlyList<double> Rates,
    bool Saturation,
    int Connections,
    int StepSeconds,
    int WarmupSeconds,
    int Qos,
    int Values,
    string? StoragePath,
    IReadOnlyList<string> HubArgs,
    string HubDll,
    string Mosquitto,
    IReadOnlyList<string> RelayConf,
    string Out,
    string? Label,
    bool Anomaly = false)
{
    public static SweepOptions Parse(string[] args)
    {
        var line = Arguments.Parse(args, "no-saturation", "anomaly");
        var targets = line.Get("targets", "relay,hub").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (targets.Length == 0 || targets.Any(t => t is not ("relay" or "hub")))
        {
            throw new ArgumentException("--targets is a comma-separated list of relay and hub.");
        }

        var rates = line.Get("rates", "2000,5000,10000,15000,20000,25000,30000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => double.Parse(r, CultureInfo.InvariantCulture))
            .ToArray();
        if (rates.Any(r => r <= 0))
        {
            throw new ArgumentException("--rates are positive messages per second over all connections.");
        }

        if (line.All("hub-arg").FirstOrDefault(a => !a.Contains('=', StringComparison.Ordinal) || a.StartsWith('-')) is { } bad)
        {
            throw new ArgumentException($"--hub-arg takes Key=Value (e.g. History:Store=influx), not '{bad}'.");
        }

        var options = new SweepOptions(
            targets,
            rates,
            !line.Has("no-saturation"),
            line.Int("connections", 200),
            line.Int("step-seconds", 10),
            line.Int("warmup-seconds", 3),
            line.Int("qos", 1),
            line.Int("values", 4),
            line.Get("storage-path"),
            line.All("hub-arg"),
            line.Get("hub-dll", "src/Dashboard/bin/Release/net10.0/IotService.Dashboard.dll"),
            line.Get("mosquitto", "/usr/sbin/mosquitto"),
            line.All("relay-conf"),
            line.Get("out", "docs/img/sweep"),
            line.Get("label"),
            line.Has("anomaly"));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Connections, 1, "--connections");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StepSeconds, 1, "--step-seconds");
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmupSeconds, "--warmup-seconds");
        return options;
    }

    /// <summary>Offered rates in order; 0 is the unpaced saturation step, last.</summary>
    public IEnumerable<double> Steps => Saturation ? Rates.Append(0) : Rates;

    /// <summary>How long one target is loaded: what bounds each child's life (with room to start and stop).</summary>
    public TimeSpan LoadTime => TimeSpan.FromSeconds(Steps.Count() * (StepSeconds + WarmupSeconds));

    /// <summary>The hub's rules in words, for headings.</summary>
    public string RulesText => Anomaly ? "threshold rules + anomaly rule on every property" : "threshold rules on";
}
