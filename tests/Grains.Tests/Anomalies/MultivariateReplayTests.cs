using IotService.Contracts.Replay;
using IotService.Contracts.Telemetry;
using IotService.Grains.Replay;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;
using IotService.Storage.History;
using Microsoft.Extensions.Options;
using static IotService.Grains.Tests.Anomalies.ChillerHistory;

namespace IotService.Grains.Tests.Anomalies;

/// <summary>
/// Replaying an anomaly rule on every property: both stored series merged by time, run through the per-property
/// detectors and, when the model has one, its multivariate detector, as a live device runs them.
/// </summary>
public sealed class MultivariateReplayTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day2 = T0.AddDays(1);
    private const int Minutes = 240;

    // Where the supply swings fastest (about 1.5 °C an hour), so a stuck sensor soon parts from the return.
    private const int StuckFrom = 60;

    private readonly ChillerHistory _history = new();

    public async Task InitializeAsync()
    {
        await _history.WriteAsync(devices: 12, minutes: 1440);

        // A chiller whose supply sensor sticks after an hour: each series alone looks ordinary (supply goes flat in a
        // slow swing, return carries on as always), but return is no longer supply + 5.
        await _history.Devices.UpsertAsync(SqliteHistoryFolder.Device("stuck-1", ModelId, T0));
        var supplyAt = (int m) => 10 + (6 * Math.Sin(m * 2 * Math.PI / 1440));
        await _history.Store.WriteAsync(
            [.. Enumerable.Range(0, Minutes).Select(m => new HistoryPoint(
                "stuck-1", ModelId, null, Day2.AddMinutes(m), [new("supply", supplyAt(Math.Min(m, StuckFrom))), new("return", supplyAt(m) + 5 + (0.2 * Math.Sin(m)))]))],
            CancellationToken.None);
    }

    public Task DisposeAsync() => _history.DisposeAsync().AsTask();

    [Fact]
    public async Task WithTheModelsDetectorTheReplayFindsTheBrokenRelationAndSaysWhy()
    {
        var detector = (await _history.Training().TrainAsync(Model))!.WithVersion(1);

        var result = await ReplayAsync(detector);

        Assert.Equal(2 * Minutes, result.Readings);
        var firing = Assert.Single(result.Firings);
        Assert.InRange(firing.RaisedAt, Day2.AddMinutes(StuckFrom), Day2.AddMinutes(StuckFrom + 60));
        Assert.Contains("do not fit together", firing.Why, StringComparison.Ordinal);
        Assert.Null(firing.ClearedAt);
    }

    [Fact]
    public async Task WithoutADetectorEachPropertyIsJudgedAloneAndTheStuckSensorGoesUnseen()
    {
        var result = await ReplayAsync(detector: null);

        Assert.Equal((2 * Minutes, 0), (result.Readings, result.FiringCount));
    }

    private async Task<RuleReplayResponse> ReplayAsync(MultivariateModel? detector)
    {
        var replayer = new RuleReplayer(_history.Store, _history.Devices, RuleKindRegistry.Standard, Options.Create(new RuleReplayOptions { ChunkSize = 100 }), _history.Time);
        var request = new RuleReplayRequest(RuleId: OddChiller.Id, From: Day2, To: Day2.AddMinutes(Minutes), DeviceIds: ["stuck-1"]);
        var answer = await replayer.ReplayAsync(Model, request, detector);
        Assert.Equal(RuleReplayOutcome.Replayed, answer.Outcome);
        return answer.Response!;
    }
}
