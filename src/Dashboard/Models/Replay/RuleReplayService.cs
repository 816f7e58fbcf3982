using System.Runtime.CompilerServices;
using IotService.Contracts.Models;
using IotService.Dashboard.Api;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Grains.Models;
using IotService.Storage.History;
using IotService.Ingest.HistoryWriting;
using IotService.Rules.Replay;
using IotService.Rules.Thresholds;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Models.Replay;

/// <summary>
/// Replays a model's rule over stored history (SPEC §6: how often it would have fired, before it is enabled): each
/// device's series is read in time-ordered chunks and run through <see cref="RuleReplayRun"/>, the same evaluator
/// live rules use. Work is bounded by <see cref="RuleReplayOptions.MaxReadings"/>.
/// </summary>
public sealed class RuleReplayService(IHistoryStore history, IDeviceCatalog devices, IOptions<RuleReplayOptions> options, TimeProvider time)
{
    public const int DefaultMaxFirings = 1000;
    public const int MaxListedFirings = 10_000;
    public const int MaxDeviceIds = 1000;
    public static readonly string[] ReplayableKinds = [ThresholdRules.Kind];

    private const int DevicePageSize = 1000;

    /// <exception cref="RequestValidationException">The request is not valid; every problem is listed.</exception>
    /// <exception cref="ReplayTooLargeException">The range holds more readings than a replay may read.</exception>
    public async Task<RuleReplayResponse> ReplayAsync(DeviceModelDefinition model, RuleReplayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var definition = ResolveRule(model, request, errors);

        // Readings carry whole milliseconds; so do the bounds, so that every store cuts the same way.
        var to = WholeMilliseconds(request.To ?? time.GetUtcNow());
        var from = request.From is { } f ? WholeMilliseconds(f) : to;
        errors.Require(request.From is not null, "from", "required: where the replay starts (ISO 8601)");
        errors.Require(request.From is null || from < to, "from", "must be before to");
        errors.Require(request.MaxFirings is null or (>= 0 and <= MaxListedFirings), "maxFirings", $"0 to {MaxListedFirings}");
        var deviceIds = await CheckDevicesAsync(model.Id, request.DeviceIds, errors, cancellationToken);
        errors.ThrowIfAny();

        var rule = ThresholdRules.FromDefinition(definition!);
        var maxListed = request.MaxFirings ?? DefaultMaxFirings;
        var tally = new ReplayTally(maxListed);
        var ids = deviceIds is null ? DevicesOfModelAsync(model.Id, cancellationToken) : deviceIds.ToAsyncEnumerable();
        await foreach (var deviceId in ids)
        {
            tally.Add(deviceId, await ReplayDeviceAsync(rule, deviceId, from, to, maxListed, tally.Readings, cancellationToken));
        }

        var listed = tally.Listed();
        var perDevice = tally.PerDevice();
        return new RuleReplayResponse(
            model.Id, definition!.Id, definition, from, to, tally.Devices, tally.Readings, tally.Firings,
            perDevice.Count, listed, tally.Firings > listed.Count, perDevice);
    }

    private async Task<ReplayResult> ReplayDeviceAsync(
        ThresholdRule rule, string deviceId, DateTimeOffset from, DateTimeOffset to, int maxListed, int readSoFar, CancellationToken cancellationToken)
    {
        var budget = options.Value.MaxReadings - readSoFar;
        var run = new RuleReplayRun(rule, maxListed);
        var start = from;
        while (start < to)
        {
            // One reading past the budget is enough to know it is exceeded.
            var limit = Math.Min(options.Value.ChunkSize, budget - run.ReadingCount + 1);
            var chunk = await history.QueryRawAsync(new HistoryQuery(deviceId, rule.Property, start, to, limit), cancellationToken);
            if (run.ReadingCount + chunk.Count > budget)
            {
                throw new ReplayTooLargeException(options.Value.MaxReadings);
            }

            if (chunk.Count < limit)
            {
                Add(run, deviceId, chunk, chunk.Count);
                break;
            }

            // No store has a cursor, so the next chunk starts at the last timestamp read. Both stores keep one value
            // per (device, property, millisecond), but should a store ever hold several, the readings sharing the last
            // timestamp are left for the next chunk rather than split. Only a whole chunk of one timestamp, which
            // cannot be paged through without a cursor, moves on 1 ms past it.
            var last = chunk[^1].Timestamp;
            var complete = chunk.Count;
            while (complete > 0 && chunk[complete - 1].Timestamp == last)
            {
                complete--;
            }

            Add(run, deviceId, chunk, complete == 0 ? chunk.Count : complete);
            var next = complete == 0 ? last.AddMilliseconds(1) : last;
            if (next <= start)
            {
                throw new InvalidOperationException($"The history store answered readings before {start:O} for a query starting there.");
            }

            start = next;
        }

        return run.ToResult();
    }

    private static void Add(RuleReplayRun run, string deviceId, IReadOnlyList<RawPoint> chunk, int count)
    {
        for (var i = 0; i < count; i++)
        {
            run.Add(new ReplayReading(deviceId, chunk[i].Timestamp, chunk[i].Value));
        }
    }

    private static RuleDefinition? ResolveRule(DeviceModelDefinition model, RuleReplayRequest request, ValidationErrors errors)
    {
        if ((request.Rule is null) == (request.RuleId is null))
        {
            errors.Add("rule", "give either rule (a new or edited rule) or ruleId (one of the model's rules), not both");
            return null;
        }

        if (request.RuleId is { } ruleId)
        {
            var stored = (model.Rules ?? []).FirstOrDefault(r => r.Id == ruleId);
            errors.Require(stored is not null, "ruleId", $"model '{model.Id}' has no rule '{ruleId}'");
            RequireReplayable(stored, "ruleId", errors);
            return stored;
        }

        var rule = request.Rule!;
        var properties = (model.Properties ?? []).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        DeviceModelValidator.ValidateRule(rule, "rule", properties, errors);
        RequireReplayable(rule, "rule.kind", errors);
        return rule;
    }

    // Unknown kinds are already reported by the rule checks; this names the known kinds replay cannot run yet.
    private static void RequireReplayable(RuleDefinition? rule, string field, ValidationErrors errors)
        => errors.Require(
            rule is null || !RuleKinds.All.Contains(rule.Kind) || ReplayableKinds.Contains(rule.Kind),
            field,
            $"'{rule?.Kind}' rules cannot be replayed; replay supports {string.Join(", ", ReplayableKinds)} rules only");

    private async Task<IReadOnlyList<string>?> CheckDevicesAsync(string modelId, IReadOnlyList<string>? ids, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (ids is null)
        {
            return null;
        }

        if (ids.Count is 0 or > MaxDeviceIds)
        {
            errors.Add("deviceIds", $"1 to {MaxDeviceIds} device ids, or leave deviceIds out to replay every device of the model");
            return null;
        }

        var unique = new List<string>(ids.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (string.IsNullOrEmpty(id) || !seen.Add(id))
            {
                errors.Require(!string.IsNullOrEmpty(id), $"deviceIds[{i}]", "a device id");
                continue;
            }

            var device = await devices.GetAsync(id, cancellationToken);
            if (device is null)
            {
                errors.Add($"deviceIds[{i}]", $"no device '{id}'");
            }
            else if (device.ModelId != modelId)
            {
                errors.Add($"deviceIds[{i}]", $"device '{id}' is of model '{device.ModelId}', not '{modelId}'");
            }

            unique.Add(id);
        }

        return unique;
    }

    private async IAsyncEnumerable<string> DevicesOfModelAsync(string modelId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await devices.ListAsync(new DeviceQuery(ModelId: modelId, Limit: DevicePageSize, Cursor: cursor), cancellationToken);
            foreach (var device in page.Items)
            {
                yield return device.Id;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());
}
