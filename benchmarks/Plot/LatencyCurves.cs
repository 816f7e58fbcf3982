using IotService.Benchmarks.Sweep;
using ScottPlot;

namespace IotService.Benchmarks.Plot;

/// <summary>Left panel: p50 and p99 per target against offered rate, drawn as log10(ms).</summary>
public static class LatencyCurves
{
    // The issue 19 target: p99 ≤ 20 ms at 10,000 msg/s.
    private const double TargetRate = 10_000;
    private const double TargetP99Ms = 20;

    public static void Add(ScottPlot.Plot plot, string target, StepResult[] steps, Color color)
    {
        var paced = steps.Where(s => s.Offered is not null && s.Messages > 0).ToArray();
        var xs = paced.Select(s => s.Offered!.Value).ToArray();
        Curve(plot, xs, paced.Select(s => s.P50), color, LinePattern.Dashed, MarkerShape.FilledCircle, $"{target} p50");
        Curve(plot, xs, paced.Select(s => s.P99), color, LinePattern.Solid, MarkerShape.FilledSquare, $"{target} p99");

        if (steps.FirstOrDefault(s => s.Offered is null && s.Messages > 0) is { } saturation)
        {
            var points = plot.Add.ScatterPoints(
                new[] { saturation.Acknowledged, saturation.Acknowledged },
                new[] { Math.Log10(saturation.P50), Math.Log10(saturation.P99) },
                color);
            points.MarkerShape = MarkerShape.FilledTriangleUp;
            points.MarkerSize = 13;
            points.LegendText = $"{target} unpaced p50/p99 (at its acked rate)";
        }
    }

    public static void AddTargets(ScottPlot.Plot plot)
    {
        var line = plot.Add.HorizontalLine(Math.Log10(TargetP99Ms), 1.5f, SweepPlotStyle.Target, LinePattern.Dotted);
        line.LegendText = "target: p99 ≤ 20 ms at 10,000 msg/s";
        var at = plot.Add.VerticalLine(TargetRate, 1.5f, SweepPlotStyle.Target, LinePattern.Dotted);
        at.ExcludeFromLegend = true;
    }

    private static void Curve(ScottPlot.Plot plot, double[] xs, IEnumerable<double> ms, Color color, LinePattern pattern, MarkerShape marker, string legend)
    {
        var curve = plot.Add.Scatter(xs, ms.Select(v => Math.Log10(Math.Max(v, 0.01))).ToArray(), color);
        curve.LinePattern = pattern;
        curve.LineWidth = 2;
        curve.MarkerShape = marker;
        curve.MarkerSize = 8;
        curve.LegendText = legend;
    }
}
