using IotService.Contracts.Alarms;
using IotService.Contracts.Telemetry;
using IotService.Grains.Alarms;
using IotService.Grains.Anomalies;
using IotService.Grains.Devices;
using IotService.Rules.Anomalies.Multivariate;
using static IotService.Grains.Tests.Anomalies.ChillerHistory;

namespace IotService.Grains.Tests.Anomalies;

/// <summary>Training a model's detector from stored history, and devices running it next to their other rules.</summary>
public sealed class MultivariateTrainingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Live = T0.AddDays(2);

    private readonly ChillerHistory _history = new();
    private int _ids;

    public Task InitializeAsync() => _history.WriteAsync(devices: 12, minutes: 1440);

    public Task DisposeAsync() => _history.DisposeAsync().AsTask();

    [Fact]
    public async Task TrainingReadsTheFleetsStoredHistoryOfEveryProperty()
    {
        var detector = await _history.Training().TrainAsync(Model);

        Assert.NotNull(detector);
        Assert.Equal(["supply", "return"], detector.Properties);
        Assert.Equal((12 * 1440L, 12, 1), (detector.Provenance.Rows, detector.Provenance.Devices, detector.Rank));
        Assert.Equal((T0, T0.AddMinutes(1439)), (detector.Provenance.From, detector.Provenance.To));
    }

    [Fact]
    public async Task ReadingInSmallChunksReadsTheSameRows()
    {
        var whole = await _history.Training().TrainAsync(Model);
        var chunked = await _history.Training(new MultivariateOptions { ChunkSize = 7 }).TrainAsync(Model);

        Assert.Equal(whole!.ToBytes(), chunked!.ToBytes());
    }

    [Fact]
    public async Task TooLittleHistoryTrainsNothing()
    {
        Assert.Null(await _history.Training(new MultivariateOptions { History = TimeSpan.FromMinutes(20) }).TrainAsync(Model));
        Assert.Null(await _history.Training(new MultivariateOptions { MinRows = 50_000 }).TrainAsync(Model));
    }

    [Fact]
    public async Task PlentyOfRowsFromTooShortAStretchOfTimeTrainNothing()
    {
        // A whole fleet's first minutes give rows enough, but one hour of one day is not a fleet's normal behaviour.
        Assert.NotNull(await _history.Training(new MultivariateOptions { History = TimeSpan.FromHours(3), MinRows = 10 }).TrainAsync(Model));
        Assert.Null(await _history.Training(new MultivariateOptions { History = TimeSpan.FromHours(1), MinRows = 10 }).TrainAsync(Model));
    }

    [Fact]
    public async Task ADeviceRaisesOnABrokenRelationOnceTheModelHasADetector()
    {
        var detector = (await _history.Training().TrainAsync(Model))!.WithVersion(1);
        var state = Device();
        var alarms = Alarms(state, DeviceRules.From(Model, MultivariateKind.Kinds));
        Assert.Empty(Read(alarms, state, 0, 15, 10));
        Assert.Empty(Read(alarms, state, 1, 15, 10));

        alarms.UseRules(state, DeviceRules.From(Model, MultivariateKind.Kinds, detector), Live.AddMinutes(2));
        Assert.Empty(Read(alarms, state, 2, 15, 10));
        var raised = Assert.Single(Read(alarms, state, 3, 15, 10));

        Assert.Equal(("raised", "odd-chiller", "anomaly"), (raised.Event, raised.Alarm.RuleId, raised.Alarm.RuleKind));
        var explanation = raised.Alarm.Explanation!;
        Assert.Equal(["return", "supply"], explanation.Contributors.Select(c => c.Property).Order());
        Assert.Equal(Live.AddMinutes(2), explanation.DeviatingSince);
        Assert.Contains("return 10 °C where", explanation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewDetectorVersionKeepsTheStateOfEveryRule()
    {
        var trained = (await _history.Training().TrainAsync(Model))!;
        var state = Device();
        var alarms = Alarms(state, DeviceRules.From(Model, MultivariateKind.Kinds, trained.WithVersion(1)));

        // Supply below 5 °C for five minutes raises cold-supply; the relation holds, so odd-chiller stays quiet.
        Assert.Empty(Read(alarms, state, 0, 4, 9));
        Assert.Empty(Read(alarms, state, 1, 14, 9));
        Assert.True(alarms.UseRules(state, DeviceRules.From(Model, MultivariateKind.Kinds, trained.WithVersion(2)), Live.AddMinutes(2)) is false);

        // The threshold's wait and the detector's first deviating row both carry over to the retrained detector.
        Assert.Equal(["odd-chiller"], Read(alarms, state, 2, 14, 9).Select(c => c.Alarm.RuleId));
        Assert.Empty(Read(alarms, state, 3, 4, 9));
        Assert.Equal([("raised", "cold-supply"), ("cleared", "odd-chiller")], Read(alarms, state, 8, 4, 9).Select(c => (c.Event, c.Alarm.RuleId)));
    }

    private DeviceAlarms Alarms(DeviceState state, DeviceRules rules)
    {
        var alarms = new DeviceAlarms("ch-000", _ => $"id-{++_ids:D3}");
        alarms.UseRules(state, rules, Live);
        return alarms;
    }

    private static IReadOnlyList<AlarmChange> Read(DeviceAlarms alarms, DeviceState state, int minute, double supply, double ret)
    {
        var at = Live.AddMinutes(minute);
        alarms.OnReadings(state, new TelemetryBatch("ch-000", [new TelemetryReading(at, [new("supply", supply), new("return", ret)], null)], at), at);
        return alarms.TakeChanges();
    }

    private static DeviceState Device() => new() { Registered = true, ModelId = ModelId, CustomerId = "cust-1", RegisteredAt = T0 };
}
