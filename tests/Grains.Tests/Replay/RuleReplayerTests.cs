using System.Net;
using System.Net.Sockets;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Contracts.Replay;
using IotService.Grains.Replay;
using IotService.Storage.History;
using IotService.Storage.History.Influx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static IotService.Grains.Tests.Replay.ReplayHistory;

namespace IotService.Grains.Tests.Replay;

/// <summary><see cref="RuleReplayer"/> over a real SQLite history whose firings are known (see <see cref="ReplayHistory"/>).</summary>
public sealed class RuleReplayerTests : IAsyncLifetime
{
    private static readonly ReplayFiring[] KnownFirings =
    [
        Firing("dev-b", T0.AddSeconds(65), T0.AddSeconds(75), 93, raisedWith: 93),
        Firing("dev-a", T0.AddSeconds(110), T0.AddSeconds(140), 99, raisedWith: 95),
        Firing("dev-a", T0.AddSeconds(210), T0.AddSeconds(220), 92, raisedWith: 92),
        Firing("dev-a", T0.AddSeconds(460), null, 101, raisedWith: 101),
    ];

    private readonly ReplayHistory _history = new();

    public Task InitializeAsync() => _history.WriteKnownHistoryAsync();

    /// <summary>A firing of the overheat rule, explained as the alarm raised by <paramref name="raisedWith"/> would be.</summary>
    private static ReplayFiring Firing(string device, DateTimeOffset raisedAt, DateTimeOffset? clearedAt, double peak, double raisedWith)
        => new(device, raisedAt, clearedAt, peak, $"temperature is {raisedWith} °C, above 90 °C for at least 60 s; clears at 85 °C.");

    public Task DisposeAsync() => _history.DisposeAsync().AsTask();

    [Fact]
    public async Task AKnownHistoryGivesTheKnownFiringsWithTheirTimesAndPeaks()
    {
        var result = await _history.Service(chunkSize: 4).ReplayAsync(Model, Request()).ResponseAsync();

        Assert.Equal(4, result.FiringCount);
        Assert.Equal(KnownFirings, result.Firings);
        Assert.False(result.Truncated);
        Assert.Equal(3, result.DevicesScanned);
        Assert.Equal(TemperatureCount, result.Readings);
        Assert.Equal(2, result.DevicesFiring);
        Assert.Equal([new DeviceFirings("dev-a", 3), new DeviceFirings("dev-b", 1)], result.PerDevice);
        Assert.Equal(("chiller-x", "overheat", T0, T0.AddHours(1)), (result.ModelId, result.RuleId, result.From, result.To));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(26)]
    [InlineData(10_000)]
    public async Task ReadingInChunksOfAnySizeReadsEveryReadingExactlyOnce(int chunkSize)
    {
        var result = await _history.Service(chunkSize).ReplayAsync(Model, Request()).ResponseAsync();

        Assert.Equal(TemperatureCount, result.Readings);
        Assert.Equal(KnownFirings, result.Firings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task ReadingsOneMillisecondApartArePagedWithoutLossOrRepeat(int chunkSize)
    {
        // 95 for 5 ms, 80 for 5 ms, five times: an instant rule raises at 0, 10, 20, 30, 40 ms and clears 5 ms later.
        var model = Model with { Id = "dense" };
        await _history.Devices.UpsertAsync(Device("dense-1", "dense"));
        await _history.Store.WriteAsync(
            [.. Enumerable.Range(0, 50).Select(i => new HistoryPoint("dense-1", "dense", null, T0.AddMilliseconds(i), [new("temperature", i % 10 < 5 ? 95 : 80)]))],
            CancellationToken.None);

        var result = await _history.Service(chunkSize).ReplayAsync(model, Request() with { Rule = Overheat with { DurationSeconds = 0 } }).ResponseAsync();

        Assert.Equal(50, result.Readings);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => ("dense-1", T0.AddMilliseconds(i * 10), (DateTimeOffset?)T0.AddMilliseconds((i * 10) + 5), 95.0)),
            result.Firings.Select(f => (f.DeviceId, f.RaisedAt, f.ClearedAt, f.PeakValue)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ReadingsSharingATimestampAreNotSplitAcrossChunks(int chunkSize)
    {
        // Three values at 1 ms: a chunk ending inside them must neither drop nor repeat the rest.
        var store = new ListHistoryStore(
        [
            new(T0, 95), new(T0.AddMilliseconds(1), 80), new(T0.AddMilliseconds(1), 95), new(T0.AddMilliseconds(1), 80),
            new(T0.AddMilliseconds(2), 95), new(T0.AddMilliseconds(3), 80),
        ]);
        var rule = Overheat with { DurationSeconds = 0, ClearValue = null };

        var result = await _history.Service(chunkSize, store: store).ReplayAsync(Model, Request() with { Rule = rule, DeviceIds = ["dev-c"] }).ResponseAsync();

        Assert.Equal(6, result.Readings);
        Assert.Equal([0, 1, 2], result.Firings.Select(f => (int)(f.RaisedAt - T0).TotalMilliseconds));
        Assert.Equal([1, 1, 3], result.Firings.Select(f => (int)(f.ClearedAt!.Value - T0).TotalMilliseconds));
        Assert.Equal(3, store.Queries);
    }

    [Fact]
    public async Task ReadingsBeforeFromAreNotSeen()
    {
        // From 60 s, dev-a's hot spell starts at 60 s (so raises at 120 s) and dev-b's run of 60 s is cut to 10 s.
        var result = await _history.Service(chunkSize: 3).ReplayAsync(Model, Request(from: T0.AddSeconds(60))).ResponseAsync();

        Assert.Equal(
            [
                Firing("dev-a", T0.AddSeconds(120), T0.AddSeconds(140), 99, raisedWith: 99),
                KnownFirings[2],
                KnownFirings[3],
            ],
            result.Firings);
    }

    [Fact]
    public async Task ToIsExclusiveAndAFiringOpenAtTheEndHasNoClearTime()
    {
        var before = await _history.Service().ReplayAsync(Model, Request(to: T0.AddSeconds(110))).ResponseAsync();
        var after = await _history.Service().ReplayAsync(Model, Request(to: T0.AddSeconds(111))).ResponseAsync();

        Assert.Equal([KnownFirings[0]], before.Firings);
        Assert.Equal(15, before.Readings);
        Assert.Equal([KnownFirings[0], Firing("dev-a", T0.AddSeconds(110), null, 95, raisedWith: 95)], after.Firings);
    }

    [Fact]
    public async Task MaxFiringsListsTheEarliestFiringsButCountsEveryOne()
    {
        var result = await _history.Service().ReplayAsync(Model, Request() with { MaxFirings = 2 }).ResponseAsync();

        Assert.Equal(4, result.FiringCount);
        Assert.Equal(KnownFirings[..2], result.Firings);
        Assert.True(result.Truncated);
        Assert.Equal([new DeviceFirings("dev-a", 3), new DeviceFirings("dev-b", 1)], result.PerDevice);
    }

    [Fact]
    public async Task DeviceIdsLimitTheReplayToThoseDevices()
    {
        var result = await _history.Service().ReplayAsync(Model, Request() with { DeviceIds = ["dev-b", "dev-c", "dev-b"] }).ResponseAsync();

        Assert.Equal(2, result.DevicesScanned);
        Assert.Equal([KnownFirings[0]], result.Firings);
        Assert.Equal(6, result.Readings);
    }

    [Fact]
    public async Task AStoredRuleIsReplayedByItsIdEvenWhileDisabled()
    {
        var result = await _history.Service().ReplayAsync(Model, new RuleReplayRequest(RuleId: "overheat", From: T0, To: T0.AddHours(1))).ResponseAsync();

        Assert.False(result.Rule.Enabled);
        Assert.Equal(KnownFirings, result.Firings);
    }

    [Fact]
    public async Task AnEditedRuleGivesItsOwnAnswer()
    {
        // Without the clear level, 88 clears the first firing at 130 s; without the duration, every hot reading after a clear raises.
        var edited = Overheat with { ClearValue = null, DurationSeconds = 0 };

        var result = await _history.Service().ReplayAsync(Model, Request() with { Rule = edited, DeviceIds = ["dev-a"] }).ResponseAsync();

        Assert.Equal([10, 50, 150, 230, 280, 400], result.Firings.Select(f => (int)(f.RaisedAt - T0).TotalSeconds));
        Assert.Equal(T0.AddSeconds(130), result.Firings[1].ClearedAt);
    }

    [Fact]
    public async Task AReplayThatWouldReadMoreThanTheBudgetIsRefusedAndOneWithinItIsNot()
    {
        var exact = await _history.Service(chunkSize: 4, maxReadings: TemperatureCount).ReplayAsync(Model, Request()).ResponseAsync();

        var refused = await _history.Service(chunkSize: 4, maxReadings: TemperatureCount - 1).ReplayAsync(Model, Request());

        Assert.Equal(4, exact.FiringCount);
        Assert.Equal((RuleReplayOutcome.TooLarge, TemperatureCount - 1), (refused.Outcome, refused.MaxReadings));
        Assert.Equal($"The replay would read more than {TemperatureCount - 1} stored readings. Replay a shorter time range (from, to) or fewer devices (deviceIds).", refused.Detail);
    }

    [Fact]
    public async Task AHistoryStoreThatCannotBeReachedIsReportedAsUnavailable()
    {
        using var http = new HttpClient();
        var influx = new InfluxHistoryStore(
            http, Options.Create(new HistoryOptions { Influx = new InfluxOptions { Url = $"http://127.0.0.1:{ClosedPort()}", TimeoutSeconds = 5 } }),
            _history.Time, NullLogger<InfluxHistoryStore>.Instance);

        var answer = await _history.Service(store: influx).ReplayAsync(Model, Request() with { DeviceIds = ["dev-a"] });

        Assert.Equal(RuleReplayOutcome.HistoryUnavailable, answer.Outcome);
        Assert.False(string.IsNullOrEmpty(answer.Detail));
        Assert.Null(answer.Response);
    }

    [Fact]
    public async Task EveryPageOfTheModelsDevicesIsScanned()
    {
        var model = Model with { Id = "pager" };
        await _history.Devices.UpsertManyAsync([.. Enumerable.Range(0, 1001).Select(i => Device($"p-{i:D4}", "pager"))]);
        await _history.Store.WriteAsync([new HistoryPoint("p-1000", "pager", null, T0, [new("temperature", 95)]), new HistoryPoint("p-1000", "pager", null, T0.AddMinutes(1), [new("temperature", 96)])], CancellationToken.None);

        var result = await _history.Service().ReplayAsync(model, Request()).ResponseAsync();

        Assert.Equal(1001, result.DevicesScanned);
        Assert.Equal(Firing("p-1000", T0.AddMinutes(1), null, 96, raisedWith: 96), Assert.Single(result.Firings));
    }

    [Fact]
    public async Task EveryProblemOfABadRequestIsListed()
    {
        var request = new RuleReplayRequest(
            Overheat with { Property = "pressure" }, From: T0.AddHours(2), To: T0.AddHours(1), DeviceIds: ["dev-a", "nope", "other-1"], MaxFirings: 20_000);

        var errors = await ErrorsAsync(request);

        Assert.Equal(["deviceIds[1]", "deviceIds[2]", "from", "maxFirings", "rule.property"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("other-1", errors["deviceIds[2]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleIsCheckedAsAModelSaveChecksIt()
    {
        var errors = await ErrorsAsync(Request() with { Rule = Overheat with { Operator = "~=", Severity = Severity.None, DurationSeconds = -1 } });

        Assert.Equal(["rule.durationSeconds", "rule.operator", "rule.severity"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnAnomalyRuleReplaysThroughTheSameDetectorAndFindsTheSpikeInAStoredSeries()
    {
        // rpm around 1000 every 10 s, one reading at 2000 at 50 min: learned first, found once, cleared after a calm stretch.
        var random = new Random(11);
        await _history.Devices.UpsertAsync(Device("spiky-1"));
        await _history.Store.WriteAsync(
            [.. Enumerable.Range(0, 500).Select(i => new HistoryPoint(
                "spiky-1", ModelId, null, T0.AddSeconds(i * 10), [new("rpm", i == 300 ? 2000 : 1000 + (random.NextDouble() * 10) - 5)]))],
            CancellationToken.None);

        var result = await _history.Service(chunkSize: 50)
            .ReplayAsync(Model, new RuleReplayRequest(RuleId: "odd-rpm", From: T0, To: T0.AddHours(2), DeviceIds: ["spiky-1"])).ResponseAsync();

        Assert.Equal(500, result.Readings);
        var firing = Assert.Single(result.Firings);
        Assert.Equal(("spiky-1", T0.AddSeconds(3000), 2000.0), (firing.DeviceId, firing.RaisedAt, firing.PeakValue));
        Assert.StartsWith("rpm is 2000 rpm, outside", firing.Why, StringComparison.Ordinal);
        Assert.NotNull(firing.ClearedAt);
    }

    [Theory]
    [InlineData("nodata", "rule.kind")]
    [InlineData("stored-nodata", "ruleId")]
    public async Task NoDataRulesCannotBeReplayed(string which, string field)
    {
        var request = which == "nodata"
            ? Request() with { Rule = new RuleDefinition("quiet", "nodata", Severity.Minor, Seconds: 600) }
            : new RuleReplayRequest(RuleId: "quiet", From: T0);

        var errors = await ErrorsAsync(request);

        Assert.Equal([field], errors.Keys);
        Assert.Equal("'nodata' rules cannot be replayed; replay supports threshold, anomaly, forecast rules only", Assert.Single(errors[field]));
    }

    [Fact]
    public async Task AForecastRuleReplayedOverAStoredDriftReportsItsFiring()
    {
        // Hourly for 40 days, 1 °C a day up from 60 °C with an alternating wobble: 90 °C is reached on day 30, so a
        // 7-day forecast fires about a week before and is still firing at the end; its peak is the highest value since.
        var model = Model with { Id = "drift" };
        await _history.Devices.UpsertAsync(Device("drift-1", "drift"));
        var drift = Enumerable.Range(0, 40 * 24).Select(h => (At: T0.AddHours(h), Value: 60 + (h / 24.0) + (h % 2 == 0 ? 0.5 : -0.5))).ToList();
        await _history.Store.WriteAsync([.. drift.Select(r => new HistoryPoint("drift-1", "drift", null, r.At, [new("temperature", r.Value)]))], CancellationToken.None);
        var forecast = new RuleDefinition("warming", "forecast", Severity.Minor, "temperature", Limit: 90, HorizonSeconds: 7 * 86_400);

        var result = await _history.Service(chunkSize: 100).ReplayAsync(model, new RuleReplayRequest(forecast, From: T0, To: T0.AddDays(40))).ResponseAsync();

        var firing = Assert.Single(result.Firings);
        Assert.Equal((1, drift.Count, "drift-1", (DateTimeOffset?)null), (result.FiringCount, result.Readings, firing.DeviceId, firing.ClearedAt));
        Assert.InRange(firing.RaisedAt, T0.AddDays(22), T0.AddDays(24));
        Assert.Equal(drift.Max(r => r.Value), firing.PeakValue);
    }

    [Fact]
    public async Task TheRuleMustBeGivenOneWayOnlyAndFromIsRequired()
    {
        Assert.Equal(["from", "rule"], (await ErrorsAsync(new RuleReplayRequest())).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["rule"], (await ErrorsAsync(Request() with { RuleId = "overheat" })).Keys);
        Assert.Equal(["ruleId"], (await ErrorsAsync(new RuleReplayRequest(RuleId: "melt", From: T0))).Keys);
        Assert.Equal(["deviceIds"], (await ErrorsAsync(Request() with { DeviceIds = [] })).Keys);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(RuleReplayRequest request)
    {
        var answer = await _history.Service().ReplayAsync(Model, request);
        Assert.Equal(RuleReplayOutcome.Invalid, answer.Outcome);
        return answer.Errors!;
    }
}
