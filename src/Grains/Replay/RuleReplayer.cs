using System.Runtime.CompilerServices;
using IotService.Contracts.Models;
using IotService.Contracts.Replay;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;
using IotService.Storage.Catalogs;
using IotService.Storage.History;
using IotService.Storage.History.Spool;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Replay;

/// <summary>
/// Replays a model's rule over stored history (SPEC §6: how often it would have fired, before it is enabled): each
/// device's series runs through the rule as its kind compiled it, the very code live devices run. Work is bounded by
/// <see cref="RuleReplayOptions.MaxReadings"/>.
/// </summary>
/// <param name="catchUp">Lets the store catch up with every acknowledged reading first; none where nothing sits in front of the store.</param>
public sealed class RuleReplayer(
    IHistoryStore history, IDeviceCatalog devices, RuleKindRegistry kinds, IOptions<RuleReplayOptions> options, TimeProvider time,
    HistoryCatchUp? catchUp = null)
{
    public const int DefaultMaxFirings = 1000;
    public const int MaxListedFirings = 10_000;
    public const int MaxDeviceIds = 1000;

    private const int DevicePageSize = 1000;

    /// <summary>The answer for every outcome but an unknown model: replayed, invalid (every problem listed), too large, history unavailable.</summary>
    /// <param name="multivariate">The model's trained multivariate detector, for an anomaly rule on every property; null when it has none.</param>
    public async Task<RuleReplayAnswer> ReplayAsync(
        DeviceModelDefinition model, RuleReplayRequest request, MultivariateModel? multivariate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var rule = new ReplayRuleResolver(kinds).Resolve(model, request, errors, multivariate);

        // Readings carry whole milliseconds; so do the bounds, so that every store cuts the same way.
        var to = WholeMilliseconds(request.To ?? time.GetUtcNow());
        var from = request.From is { } f ? WholeMilliseconds(f) : to;
        errors.Require(request.From is not null, "from", "required: where the replay starts (ISO 8601)");
        errors.Require(request.From is null || from < to, "from", "must be before to");
        errors.Require(request.MaxFirings is null or (>= 0 and <= MaxListedFirings), "maxFirings", $"0 to {MaxListedFirings}");
        var deviceIds = await CheckDevicesAsync(model.Id, request.DeviceIds, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new RuleReplayAnswer(RuleReplayOutcome.Invalid, Errors: errors.ByField());
        }

        if (catchUp is not null)
        {
            await catchUp.WaitAsync(cancellationToken);
        }

        var maxListed = request.MaxFirings ?? DefaultMaxFirings;
        var tally = new ReplayTally(maxListed);
        var replay = new HistoryReplay(history, options.Value);
        try
        {
            var ids = deviceIds is null ? DevicesOfModelAsync(model.Id, cancellationToken) : deviceIds.ToAsyncEnumerable();
            await foreach (var deviceId in ids)
            {
                tally.Add(deviceId, await replay.ReplayDeviceAsync(rule!.Compiled, deviceId, from, to, maxListed, tally.Readings, cancellationToken));
            }
        }
        catch (ReplayTooLargeException ex)
        {
            return new RuleReplayAnswer(RuleReplayOutcome.TooLarge, Detail: ex.Message, MaxReadings: ex.MaxReadings);
        }
        catch (HistoryStoreUnavailableException ex)
        {
            return new RuleReplayAnswer(RuleReplayOutcome.HistoryUnavailable, Detail: ex.Message);
        }

        var listed = tally.Listed();
        var perDevice = tally.PerDevice();
        var response = new RuleReplayResponse(
            model.Id, rule!.Definition.Id, rule.Definition, from, to, tally.Devices, tally.Readings, tally.Firings,
            perDevice.Count, listed, tally.Firings > listed.Count, perDevice);
        return new RuleReplayAnswer(RuleReplayOutcome.Replayed, response);
    }

    private async Task<IReadOnlyList<string>?> CheckDevicesAsync(string modelId, IReadOnlyList<string>? ids, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (ids is null)
        {
            return null;
        }

        if (ids.Count is 0 or > MaxDeviceIds)
        {
            errors.Add(new FieldError("deviceIds", $"1 to {MaxDeviceIds} device ids, or leave deviceIds out to replay every device of the model"));
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
                errors.Add(new FieldError($"deviceIds[{i}]", $"no device '{id}'"));
            }
            else if (device.ModelId != modelId)
            {
                errors.Add(new FieldError($"deviceIds[{i}]", $"device '{id}' is of model '{device.ModelId}', not '{modelId}'"));
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
