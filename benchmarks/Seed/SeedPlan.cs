using IotService.Benchmarks.Load;
using IotService.Contracts.Telemetry;
using IotService.Storage.History;

namespace IotService.Benchmarks.Seed;

/// <summary>
/// Which readings a seed writes: reading n is device n % Devices at First + (n / Devices) × Interval, so the history
/// grows in time order across all devices, as a hub's does; values as <c>load</c> publishes them (0–100, 2 decimals).
/// </summary>
public sealed class SeedPlan
{
    /// <summary>Seeded devices' ids start with this; <c>load</c> and <c>sweep</c> register the same ids.</summary>
    public const string DevicePrefix = "load-seed-";

    // The newest seeded reading lies this far before the seed started, so readings the hub stamps later follow it.
    private static readonly TimeSpan Gap = TimeSpan.FromMinutes(1);

    // Well inside the default raw retention (30 days): the hub's retention pass at start must leave the seeded
    // readings raw, or it would roll them up into hourly rows and the file would no longer be "50 M readings".
    private static readonly TimeSpan MaxSpan = TimeSpan.FromDays(20);

    private readonly string[] _devices;
    private readonly string[] _properties;
    private readonly Random _random = new(19);

    public SeedPlan(SeedOptions o, DateTimeOffset now)
    {
        _devices = [.. Enumerable.Range(0, o.Devices).Select(i => LoadDevices.DeviceId(DevicePrefix, i))];
        _properties = [.. Enumerable.Range(0, o.Values).Select(i => $"v{i}")];
        ModelId = LoadDevices.ModelId(o.Values, rules: true);
        var perDevice = (o.Readings + o.Devices - 1) / o.Devices;
        // One reading a second per device, or closer when that many would not fit into MaxSpan.
        Interval = TimeSpan.FromMilliseconds(Math.Max(1, Math.Min(1_000, (long)MaxSpan.TotalMilliseconds / perDevice)));
        Last = DateTimeOffset.FromUnixTimeSeconds((now - Gap).ToUnixTimeSeconds());
        First = Last - (Interval * (perDevice - 1));
    }

    public string ModelId { get; }

    public TimeSpan Interval { get; }

    public DateTimeOffset First { get; }

    public DateTimeOffset Last { get; }

    /// <summary>Readings <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> − 1.</summary>
    public List<HistoryPoint> Batch(long from, int count)
    {
        var points = new List<HistoryPoint>(count);
        for (var n = from; n < from + count; n++)
        {
            var values = new PropertyReading[_properties.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = new PropertyReading(_properties[i], Math.Round(_random.NextDouble() * 100, 2));
            }

            points.Add(new HistoryPoint(_devices[n % _devices.Length], ModelId, null, First + (Interval * (n / _devices.Length)), values));
        }

        return points;
    }
}
