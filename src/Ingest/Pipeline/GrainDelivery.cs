using IotService.Contracts.Devices;
using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Pipeline;

/// <summary>Delivers a batch to device grains: one call per device with all its readings, in arrival order.</summary>
public sealed class GrainDelivery(IGrainFactory grains)
{
    /// <returns>How many device calls failed.</returns>
    public async Task<int> DeliverAsync(IReadOnlyList<IngestItem> batch)
    {
        var perDevice = new Dictionary<string, List<IngestItem>>(StringComparer.Ordinal);
        foreach (var item in batch)
        {
            if (!perDevice.TryGetValue(item.DeviceId, out var items))
            {
                perDevice[item.DeviceId] = items = [];
            }

            items.Add(item);
        }

        var calls = new Task[perDevice.Count];
        var i = 0;
        foreach (var (deviceId, items) in perDevice)
        {
            calls[i++] = DeliverToDeviceAsync(grains.GetGrain<IDeviceGrain>(deviceId), deviceId, items);
        }

        try
        {
            await Task.WhenAll(calls);
        }
        catch
        {
            // Counted below; one failing device must not stop the others.
        }

        return calls.Count(c => c.IsFaulted);
    }

    private static async Task DeliverToDeviceAsync(IDeviceGrain grain, string deviceId, List<IngestItem> items)
    {
        List<TelemetryReading>? readings = null;
        var receivedAt = items[0].ReceivedAt;
        var modelVersion = 0;
        foreach (var item in items)
        {
            if (item.Status is { } status)
            {
                // Keep order: readings before a status message are applied before it.
                await FlushAsync();
                await grain.SetStatusAsync(status, item.ReceivedAt);
                continue;
            }

            readings ??= [];
            readings.AddRange(item.Readings);
            receivedAt = item.ReceivedAt;
            modelVersion = Math.Max(modelVersion, item.ModelVersion);
        }

        await FlushAsync();

        async Task FlushAsync()
        {
            if (readings is { Count: > 0 })
            {
                await grain.ReportAsync(new TelemetryBatch(deviceId, readings, receivedAt, modelVersion));
                readings = null;
            }
        }
    }
}
