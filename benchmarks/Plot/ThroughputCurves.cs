using IotService.Benchmarks.Sweep;
using ScottPlot;

namespace IotService.Benchmarks.Plot;

/// <summary>Right panel: acknowledged against offered per target; where a curve leaves the diagonal, the server is saturated.</summary>
public static class ThroughputCurves
{
    // The issue 19 target: the hub acknowledges at least this share of what the relay does, unpaced.
    private const double TargetShareOfRelay = 0.8;

    public static void Add(ScottPlot.Plot plot, string target, StepResult[] steps, Color color)
    {
        var paced = steps.Where(s => s.Offered is not null).ToArray();
        var curve = plot.Add.Scatter(paced.Select(s => s.Offered!.Value).ToArray(), paced.Select(s => s.Acknowledged).ToArray(), color);
        curve.LineWidth = 2;
        curve.MarkerShape = MarkerShape.FilledCircle;
        curve.MarkerSize = 8;
        curve.LegendText = $"{target} acknowledged";

        // A broker acknowledges before it delivers: what reached the relay's one subscriber shows how much of
        // a relay's work the acknowledged rate really stands for.
        if (paced.Any(s => s.Relayed is not null))
        {
            var delivered = plot.Add.Scatter(paced.Select(s => s.Offered!.Value).ToArray(), paced.Select(s => (s.Relayed ?? 0) / s.Seconds).ToArray(), color);
            delivered.LineWidth = 1.5f;
            delivered.LinePattern = LinePattern.Dotted;
            delivered.MarkerShape = MarkerShape.OpenCircle;
            delivered.MarkerSize = 7;
            delivered.LegendText = $"{target} delivered to its subscriber";
        }

        if (steps.FirstOrDefault(s => s.Offered is null) is { } saturation)
        {
            var line = plot.Add.HorizontalLine(saturation.Acknowledged, 1.5f, color, LinePattern.Dashed);
            line.LegendText = $"{target} unpaced: {SweepPlot.Rate(saturation.Acknowledged)} msg/s";
        }
    }

    public static void AddTargets(ScottPlot.Plot plot, IReadOnlyList<StepResult> results)
    {
        var top = results.Select(r => Math.Max(r.Offered ?? 0, r.Acknowledged)).DefaultIfEmpty(1).Max();
        var diagonal = plot.Add.Line(0, 0, top, top);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dotted;
        diagonal.LegendText = "acknowledged = offered";

        if (results.FirstOrDefault(r => r.Target == "relay" && r.Offered is null) is { } relay)
        {
            var goal = plot.Add.HorizontalLine(TargetShareOfRelay * relay.Acknowledged, 1.5f, SweepPlotStyle.Target, LinePattern.Dotted);
            goal.LegendText = $"target: 0.8 × relay unpaced = {SweepPlot.Rate(TargetShareOfRelay * relay.Acknowledged)} msg/s";
        }
    }
}
