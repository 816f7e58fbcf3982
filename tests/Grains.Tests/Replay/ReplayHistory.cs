using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Contracts.Replay;
using IotService.Contracts.Telemetry;
using IotService.Grains.Replay;
using IotService.Rules.Kinds;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.History;
using IotService.Storage.History.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Grains.Tests.Replay;

/// <summary>
/// A real SQLite history and device catalog in a temporary folder, holding a crafted history for which the rule
/// <c>temperature &gt; 90 for 60 s, clear below 85</c> fires exactly four times (see <see cref="WriteKnownHistoryAsync"/>).
/// </summary>
internal sealed class ReplayHistory : IAsyncDisposable
{
    public const string ModelId = "chiller-x";
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly DeviceModelDefinition Model = new(
        ModelId,
        "Chiller X",
        [new PropertyDefinition("temperature", "°C", -40, 150), new PropertyDefinition("rpm", "rpm", 0, 5000)],
        [
            new RuleDefinition("overheat", "threshold", Severity.Critical, "temperature", ">", 90, DurationSeconds: 60, ClearValue: 85, Enabled: false),
            new RuleDefinition("odd-rpm", "anomaly", Severity.Minor, "rpm", Sensitivity: 0.5),
            new RuleDefinition("quiet", "nodata", Severity.Major, Seconds: 600),
        ]);

    private readonly SqliteHistoryFolder _folder = new("iot-replay-", T0.AddDays(1));

    public static RuleDefinition Overheat => Model.Rules![0] with { Enabled = true };

    public SqliteHistoryStore Store => _folder.Store;

    public SqliteDeviceCatalog Devices => _folder.Devices;

    public FakeTimeProvider Time => _folder.Time;

    /// <summary>Temperature readings of the known history: device → (seconds after <see cref="T0"/>, value).</summary>
    public static IReadOnlyDictionary<string, (int Seconds, double Value)[]> Temperatures { get; } = new Dictionary<string, (int, double)[]>
    {
        ["dev-a"] =
        [
            // Hot for 20 s only: no firing.
            (0, 80), (10, 95), (20, 96), (30, 97), (40, 80),

            // Hot from 50 s: raised at 110 s (60 s later), peak 99, held by hysteresis at 88, cleared at 140 s by 84.
            (50, 91), (60, 92), (70, 93), (80, 94), (90, 93), (100, 92), (110, 95), (120, 99), (130, 88), (140, 84),

            // Exactly the duration between two readings: raised at 210 s, cleared at 220 s.
            (150, 91), (210, 92), (220, 80),

            // 88 is not hot, so it restarts the wait; 50 s hot afterwards is not enough.
            (230, 95), (270, 88), (280, 95), (330, 95), (340, 70),

            // Raised at 460 s, still firing at the end (89 is above the clear level).
            (400, 100), (460, 101), (470, 89),
        ],

        // Interleaved with dev-a: raised at 65 s, cleared at 75 s; then 10 s hot, no firing.
        ["dev-b"] = [(5, 91), (35, 92), (65, 93), (75, 84), (305, 95), (315, 50)],
    };

    public static int TemperatureCount => Temperatures.Values.Sum(v => v.Length);

    public static RuleReplayRequest Request(DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        new(Overheat, From: from ?? T0, To: to ?? T0.AddHours(1));

    public RuleReplayer Service(int chunkSize = 10_000, int maxReadings = 5_000_000, IHistoryStore? store = null) =>
        new(store ?? Store, Devices, RuleKindRegistry.Standard, Options.Create(new RuleReplayOptions { ChunkSize = chunkSize, MaxReadings = maxReadings }), Time);

    /// <summary>
    /// dev-a and dev-b with <see cref="Temperatures"/> (and rpm readings far above 90, which a temperature rule must
    /// ignore), dev-c of the same model without readings, and other-1 of another model, hot all the time.
    /// </summary>
    public async Task WriteKnownHistoryAsync()
    {
        await Devices.UpsertManyAsync([Device("dev-a"), Device("dev-b"), Device("dev-c"), Device("other-1", "freezer-y")]);
        var points = new List<HistoryPoint>();
        foreach (var (device, readings) in Temperatures)
        {
            points.AddRange(readings.Select(r => new HistoryPoint(device, ModelId, null, T0.AddSeconds(r.Seconds), [new("temperature", r.Value), new("rpm", 1000)])));
        }

        points.AddRange(Enumerable.Range(0, 100).Select(i => new HistoryPoint("other-1", "freezer-y", null, T0.AddSeconds(i * 10), [new PropertyReading("temperature", 120)])));
        await Store.WriteAsync(points, CancellationToken.None);
    }

    public static DeviceSummary Device(string id, string modelId = ModelId) => SqliteHistoryFolder.Device(id, modelId, T0);

    public ValueTask DisposeAsync() => _folder.DisposeAsync();
}
