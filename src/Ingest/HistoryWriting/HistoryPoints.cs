using IotService.Ingest.Directory;
using IotService.Ingest.Pipeline;
using IotService.Storage.History;

namespace IotService.Ingest.HistoryWriting;

/// <summary>Turns queued MQTT messages into history points, tagged with the device's model and customer.</summary>
public static class HistoryPoints
{
    public static List<HistoryPoint> From(IReadOnlyList<IngestItem> batch, DeviceDirectory directory)
    {
        var points = new List<HistoryPoint>(batch.Count);
        foreach (var item in batch)
        {
            // Status messages carry no readings; a device removed meanwhile keeps its last known tags out.
            if (item.Readings.Count == 0 || !directory.TryGetDevice(item.DeviceId, out var device))
            {
                continue;
            }

            foreach (var reading in item.Readings)
            {
                points.Add(new HistoryPoint(device.Id, device.ModelId, device.CustomerId, reading.Timestamp, reading.Values));
            }
        }

        return points;
    }
}
