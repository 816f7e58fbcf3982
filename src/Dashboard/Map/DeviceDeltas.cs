using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>Coalescing of device deltas (<see cref="DeviceDeltaNotifier"/>). Pure.</summary>
public static class DeviceDeltas
{
    /// <summary>One delta saying what <paramref name="older"/> then <paramref name="newer"/> said: the newer value of each field.</summary>
    public static DeviceDelta Merge(DeviceDelta older, DeviceDelta newer)
    {
        if (newer.Complete)
        {
            return newer;
        }

        return newer with
        {
            Complete = older.Complete,
            Location = newer.Location ?? older.Location,
            Status = newer.Status ?? older.Status,
            HighestActiveSeverity = newer.HighestActiveSeverity ?? older.HighestActiveSeverity,
            LastSeen = newer.LastSeen ?? older.LastSeen,
            Values = MergeValues(older.Values, newer.Values),
        };
    }

    /// <summary>Each property's value with the latest reading time (a value never goes back in time).</summary>
    private static IReadOnlyDictionary<string, PropertyValue> MergeValues(
        IReadOnlyDictionary<string, PropertyValue> older, IReadOnlyDictionary<string, PropertyValue> newer)
    {
        if (newer.Count == 0)
        {
            return older;
        }

        var merged = new Dictionary<string, PropertyValue>(older, StringComparer.Ordinal);
        foreach (var (property, value) in newer)
        {
            if (!merged.TryGetValue(property, out var known) || value.Timestamp >= known.Timestamp)
            {
                merged[property] = value;
            }
        }

        return merged;
    }
}
