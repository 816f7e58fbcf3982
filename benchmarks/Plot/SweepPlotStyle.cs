using System.Globalization;
using ScottPlot;

namespace IotService.Benchmarks.Plot;

/// <summary>Colours, labels and axes shared by both panels, so hub and relay look the same in each.</summary>
public static class SweepPlotStyle
{
    public static Color ColorOf(string target) => target == "relay" ? Colors.SteelBlue : Colors.OrangeRed;

    public static Color Target => Colors.DimGray;

    public static void Apply(ScottPlot.Plot plot, string yLabel)
    {
        plot.XLabel("offered rate (msg/s over all connections)", size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = SweepPlot.Rate };
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        // Outside the data area: wherever a legend sits inside, some sweep's curve runs under it.
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>Both panels start at 0 msg/s and end a little past the highest rate, so their x axes line up.</summary>
    public static void RateAxis(ScottPlot.Plot plot, double top) => plot.Axes.SetLimitsX(0, top * 1.05);

    /// <summary>
    /// ScottPlot 5 has no logarithmic axis: the curves are drawn as log10(ms), and the ticks are labelled
    /// with the milliseconds they stand for, minor ticks at 2…9 of each decade.
    /// </summary>
    public static void LogY(ScottPlot.Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("G4", CultureInfo.InvariantCulture),
        };
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.06);
    }
}
