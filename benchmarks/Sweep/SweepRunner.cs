using System.Globalization;
using IotService.Benchmarks.Children;
using IotService.Benchmarks.Plot;
using IotService.Benchmarks.Seed;

namespace IotService.Benchmarks.Sweep;

/// <summary>
/// One sweep: each target (relay, then hub) started fresh by this tool, loaded step by step, stopped; then the
/// figures written as CSV and JSON and drawn as a PNG beside them.
/// </summary>
public static class SweepRunner
{
    // A child's life beyond its load: starting, registering and connecting the devices, stopping.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(SweepOptions o, CancellationToken stop)
    {
        var seed = o.StoragePath is null ? null : SeedManifest.Read(o.StoragePath);
        seed?.DevicePrefixFor(o.Connections, o.Values); // Refuse a mismatched seed before anything starts.
        var started = DateTimeOffset.Now;
        var idle = LoadAverage.OneMinute();
        var steps = string.Join(", ", o.Steps.Select(r => r > 0 ? SweepPlot.Rate(r) : "unpaced"));
        Console.WriteLine($"sweep of {string.Join(" then ", o.Targets)}: {steps} msg/s, each {o.WarmupSeconds} s warm-up + {o.StepSeconds} s measured; " +
            $"{o.Connections} connections, QoS {o.Qos}, {o.Values} values, {o.RulesText}" +
            (seed is null ? "" : $"; hub history seeded with {seed.Readings:N0} readings from {o.StoragePath}") +
            $"; load average before {idle:F2}");

        var results = new List<StepResult>();
        foreach (var name in o.Targets)
        {
            await using var target = name == "relay"
                ? await RelayLauncher.StartAsync(o, o.LoadTime + Margin, stop)
                : await HubLauncher.StartAsync(o, o.LoadTime + Margin, stop);
            Console.WriteLine($"{target.Name} up (pid {target.Child.Pid}, MQTT port {target.Load.MqttPort})");
            SweepReport.PrintHeader();
            results.AddRange(await StepDriver.RunAsync(target, o, SweepReport.PrintRow, stop));
            if (name == "hub" && o.Anomaly)
            {
                await DetectorCheck.PrintAsync(target.Load, stop);
            }
        }

        var heading = Heading(o, started, seed);
        SweepReport.Write(o, new SweepRun(started, idle, heading, seed), results);
        SweepPlot.Save(o.Out + ".png", heading, results);
        Console.WriteLine($"wrote {o.Out}.png, {o.Out}.csv and {o.Out}.json");
        return 0;
    }

    private static string Heading(SweepOptions o, DateTimeOffset started, SeedManifest? seed) => string.Create(CultureInfo.InvariantCulture,
        $"Ingest sweep {started:yyyy-MM-dd HH:mm}{(o.Label is null ? "" : $", {o.Label}")}\n{o.Connections} connections, QoS {o.Qos}, {o.Values} values, " +
        $"{o.RulesText}{(seed is null ? "" : $", {seed.Readings / 1e6:0.#} M readings seeded")}; {Environment.ProcessorCount} cores");
}
