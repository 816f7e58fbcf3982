using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Contracts.Telemetry;
using IotService.Grains.Anomalies;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.History;
using IotService.Storage.History.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Grains.Tests.Anomalies;

/// <summary>
/// A real SQLite history and device catalog holding a day of a chiller fleet, one reading a minute: supply water
/// swinging 4–16 °C over the day, return water supply + 5 ± 0.3 °C.
/// </summary>
internal sealed class ChillerHistory : IAsyncDisposable
{
    public const string ModelId = "chiller-x";
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly RuleDefinition ColdSupply = new("cold-supply", "threshold", Severity.Minor, "supply", "<", 5, DurationSeconds: 300);
    public static readonly RuleDefinition OddChiller = new("odd-chiller", "anomaly", Severity.Major, Sensitivity: 0.5);

    public static readonly DeviceModelDefinition Model = new(
        ModelId, "Chiller X", [new PropertyDefinition("supply", "°C", -10, 40), new PropertyDefinition("return", "°C", -10, 40)], [ColdSupply, OddChiller], Version: 1);

    private readonly SqliteHistoryFolder _folder = new("iot-multivariate-", T0.AddDays(1));

    public FakeTimeProvider Time => _folder.Time;

    public SqliteDeviceCatalog Devices => _folder.Devices;

    public SqliteHistoryStore Store => _folder.Store;

    public MultivariateTraining Training(MultivariateOptions? options = null)
    {
        var o = Options.Create(options ?? new MultivariateOptions());
        return new MultivariateTraining(new MultivariateHistory(Store, Devices, o), o, Time);
    }

    public async Task WriteAsync(int devices, int minutes)
    {
        var random = new Random(5);
        var ids = Enumerable.Range(0, devices).Select(d => $"ch-{d:D3}").ToList();
        await Devices.UpsertManyAsync([.. ids.Select(id => SqliteHistoryFolder.Device(id, ModelId, T0))]);
        var points = new List<HistoryPoint>();
        foreach (var id in ids)
        {
            var phase = random.NextDouble() * 2 * Math.PI;
            for (var m = 0; m < minutes; m++)
            {
                var supply = 10 + (6 * Math.Sin(phase + (m * 2 * Math.PI / 1440)));
                var noise = 0.3 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                points.Add(new HistoryPoint(id, ModelId, null, T0.AddMinutes(m), [new("supply", supply), new("return", supply + 5 + noise)]));
            }
        }

        await Store.WriteAsync(points, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _folder.DisposeAsync();
}
