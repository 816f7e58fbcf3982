using System.Runtime.CompilerServices;
using IotService.Contracts.Models;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Storage.Catalogs;
using IotService.Storage.History;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Anomalies;

/// <summary>
/// Reads what a model's detector learns from: the last <see cref="MultivariateOptions.History"/> of up to
/// <see cref="MultivariateOptions.MaxDevices"/> devices of the model, every declared property, in time-ordered
/// chunks (the stores have no cursor; a chunk continues at the last timestamp read, as replay does).
/// </summary>
public sealed class MultivariateHistory(IHistoryStore history, IDeviceCatalog devices, IOptions<MultivariateOptions> options)
{
    private const int DevicePageSize = 1000;

    /// <summary>Per device, one series per property of <paramref name="model"/> (model order).</summary>
    public async Task<List<MultivariateSample[][]>> ReadAsync(DeviceModelDefinition model, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var series = new List<MultivariateSample[][]>();
        await foreach (var deviceId in DevicesOfModelAsync(model.Id, cancellationToken))
        {
            var device = new MultivariateSample[model.Properties.Count][];
            for (var j = 0; j < device.Length; j++)
            {
                device[j] = await ReadSeriesAsync(deviceId, model.Properties[j].Name, from, to, cancellationToken);
            }

            series.Add(device);
        }

        return series;
    }

    private async Task<MultivariateSample[]> ReadSeriesAsync(string deviceId, string property, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var samples = new List<MultivariateSample>();
        var chunkSize = options.Value.ChunkSize;
        var start = from;
        while (start < to)
        {
            var chunk = await history.QueryRawAsync(new HistoryQuery(deviceId, property, start, to, chunkSize), cancellationToken);
            var complete = chunk.Count;
            if (chunk.Count == chunkSize)
            {
                // Readings sharing the last timestamp are left for the next chunk, which starts there.
                while (complete > 0 && chunk[complete - 1].Timestamp == chunk[^1].Timestamp)
                {
                    complete--;
                }
            }

            var taken = complete == 0 ? chunk.Count : complete;
            for (var i = 0; i < taken; i++)
            {
                samples.Add(new MultivariateSample(chunk[i].Timestamp, chunk[i].Value));
            }

            if (chunk.Count < chunkSize)
            {
                break;
            }

            start = complete == 0 ? chunk[^1].Timestamp.AddMilliseconds(1) : chunk[^1].Timestamp;
        }

        return [.. samples];
    }

    private async IAsyncEnumerable<string> DevicesOfModelAsync(string modelId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (read, most) = (0, options.Value.MaxDevices);
        string? cursor = null;
        do
        {
            var page = await devices.ListAsync(new DeviceQuery(ModelId: modelId, Limit: DevicePageSize, Cursor: cursor), cancellationToken);
            foreach (var device in page.Items)
            {
                if (read++ == most)
                {
                    yield break;
                }

                yield return device.Id;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
