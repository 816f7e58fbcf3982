using System.Globalization;
using IotService.Benchmarks.Sweep;
using ScottPlot;

namespace IotService.Benchmarks.Plot;

/// <summary>
/// The throughput–latency picture of a sweep, in two panels side by side: acknowledgement latency (p50 dashed, p99
/// solid, log scale) against offered rate, and acknowledged against offered rate. The unpaced saturation step has no
/// offered rate: it is drawn at the rate it achieved, with its own marker. The issue 19 targets are drawn in grey.
/// </summary>
public static class SweepPlot
{
    private const int Width = 1800;
    private const int Height = 760;

    public static void Save(string path, string heading, IReadOnlyList<StepResult> results)
    {
        var figure = new Multiplot();
        figure.AddPlots(2);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var latency = figure.GetPlot(0);
        var throughput = figure.GetPlot(1);
        // The heading's two lines (when, what) sit above the two panels, each over its panel's own title.
        var lines = heading.Split('\n', 2);
        latency.Title($"{lines[0]}\nQoS 1 acknowledgement latency vs offered rate", size: 16);
        throughput.Title($"{lines.ElementAtOrDefault(1)}\nAcknowledged vs offered rate", size: 16);

        foreach (var target in results.Select(r => r.Target).Distinct())
        {
            var steps = results.Where(r => r.Target == target).ToArray();
            var color = SweepPlotStyle.ColorOf(target);
            LatencyCurves.Add(latency, target, steps, color);
            ThroughputCurves.Add(throughput, target, steps, color);
        }

        LatencyCurves.AddTargets(latency);
        ThroughputCurves.AddTargets(throughput, results);
        SweepPlotStyle.Apply(latency, "ack latency (ms, log scale)");
        SweepPlotStyle.Apply(throughput, "acknowledged (msg/s)");
        SweepPlotStyle.LogY(latency);
        var top = results.Select(r => Math.Max(r.Offered ?? 0, r.Acknowledged)).DefaultIfEmpty(1).Max();
        SweepPlotStyle.RateAxis(latency, top);
        SweepPlotStyle.RateAxis(throughput, top);
        throughput.Axes.SetLimitsY(0, top * 1.08);
        figure.SavePng(path, Width, Height);
    }

    /// <summary><c>plot --in docs/img/sweep.json [--out docs/img/sweep]</c>: draws a saved sweep again (after a change to the drawing).</summary>
    public static int Redraw(string[] args)
    {
        var line = Cli.Arguments.Parse(args);
        var input = line.Get("in") ?? throw new ArgumentException("plot needs --in SWEEP.json.");
        var output = line.Get("out", Path.ChangeExtension(input, null));
        var (heading, steps) = SweepReport.Read(input);
        Save(output + ".png", heading, steps);
        Console.WriteLine($"wrote {output}.png");
        return 0;
    }

    /// <summary>Numbers on the plot as in the tables: invariant, thousands separated.</summary>
    public static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
