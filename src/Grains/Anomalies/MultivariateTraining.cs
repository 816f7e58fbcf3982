using IotService.Contracts.Models;
using IotService.Rules.Anomalies.Multivariate;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Anomalies;

/// <summary>
/// Trains a model's detector from its stored history: reading is I/O and awaited where the caller runs; fitting is
/// CPU work and runs on the thread pool (<see cref="Task.Run(Func{TResult})"/>), so a grain that trains keeps its
/// scheduler free. Properties no device reported in the window are left out of the detector.
/// </summary>
public sealed class MultivariateTraining(MultivariateHistory history, IOptions<MultivariateOptions> options, TimeProvider time)
{
    /// <summary>The trained detector (version 0), or null when the history holds too little to learn from.</summary>
    public async Task<MultivariateModel?> TrainAsync(DeviceModelDefinition model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var to = time.GetUtcNow();
        var from = to - options.Value.History;
        var devices = await history.ReadAsync(model, from, to, cancellationToken);
        var reported = Enumerable.Range(0, model.Properties.Count).Where(j => devices.Any(d => d[j].Length > 0)).ToArray();
        if (reported.Length < 2 || Span(devices) < options.Value.MinSpan)
        {
            return null;
        }

        var trainer = new MultivariateTrainer(MultivariateTrainingOptions.Default with { MinRows = options.Value.MinRows });
        return await Task.Run(
            () =>
            {
                var rows = new MultivariateRows([.. reported.Select(j => model.Properties[j].Name)]);
                foreach (var device in devices)
                {
                    rows.AddDevice([.. reported.Select(j => (IReadOnlyList<MultivariateSample>)device[j])]);
                }

                return trainer.Train(rows, to);
            },
            cancellationToken);
    }

    /// <summary>From the first reading to the last, over every device and property read.</summary>
    private static TimeSpan Span(IEnumerable<IReadOnlyList<MultivariateSample>[]> devices)
    {
        var (first, last) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        foreach (var series in devices.SelectMany(d => d).Where(s => s.Count > 0))
        {
            first = series[0].Timestamp < first ? series[0].Timestamp : first;
            last = series[^1].Timestamp > last ? series[^1].Timestamp : last;
        }

        return last > first ? last - first : TimeSpan.Zero;
    }
}
