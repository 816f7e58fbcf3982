using System.Collections.Concurrent;
using IotService.Contracts.Models;
using IotService.Grains.Anomalies;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Alarms;

/// <summary>
/// Compiled rules per device model, shared by every device grain in the silo, so 100,000 devices of one model
/// compile its rules once per version. Readings carry the model version ingest validated them against, which
/// tells a device at once that an edit happened; clock ticks, which carry none, accept a copy up to
/// <see cref="MaxAge"/> old. A model with an anomaly rule on every property is compiled with its trained
/// multivariate detector: a new detector is a new compilation of the same model version, which devices pick up on
/// their next batch (<see cref="Newer"/>); the cache asks for one every <see cref="MultivariateOptions.RefreshEvery"/>.
/// </summary>
public sealed class ModelRulesCache(IGrainFactory grains, RuleKindRegistry kinds, TimeProvider time, IOptions<MultivariateOptions>? multivariate = null)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshing = new(StringComparer.Ordinal);
    private readonly TimeSpan _refreshEvery = multivariate?.Value.RefreshEvery ?? TimeSpan.FromSeconds(30);

    /// <summary>The model's rules at <paramref name="minVersion"/> or later (0: whatever is fresh enough).</summary>
    public async Task<DeviceRules> GetAsync(string modelId, int minVersion = 0)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(modelId, out var entry)
            && (minVersion > 0 ? entry.Rules.Version >= minVersion : now - entry.FetchedAt < MaxAge))
        {
            return entry.Rules;
        }

        return await FetchAsync(modelId, entry, now);
    }

    /// <summary>Fetches the model and its detector afresh whatever the cache holds (a detector was just trained here).</summary>
    public Task<DeviceRules> RenewAsync(string modelId)
        => FetchAsync(modelId, _entries.GetValueOrDefault(modelId), time.GetUtcNow());

    private async Task<DeviceRules> FetchAsync(string modelId, Entry? entry, DateTimeOffset now)
    {
        var model = await grains.GetGrain<IDeviceModelGrain>(modelId).GetAsync();
        var detector = MultivariateSchedule.WantsDetector(model) ? await grains.GetGrain<IMultivariateDetectorGrain>(modelId).GetAsync() : null;
        var rules = entry is not null && model is not null && entry.Rules.Version == model.Version && entry.Rules.DetectorVersion == (detector?.Version ?? 0)
            ? entry.Rules
            : DeviceRules.From(model, kinds, detector is null ? null : MultivariateModel.FromBytes(detector.Data));
        _entries[modelId] = new Entry(rules, now);
        return rules;
    }

    /// <summary>
    /// Rules of the model newer than <paramref name="current"/> already in the cache (another compilation of the same
    /// or a later version: a new detector), or null. Never waits: when the model's detector has not been asked for in
    /// a while, a refresh starts in the background and a later batch picks its result up.
    /// </summary>
    public DeviceRules? Newer(string modelId, DeviceRules current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!_entries.TryGetValue(modelId, out var entry))
        {
            return null;
        }

        if (entry.Rules.WantsDetector && time.GetUtcNow() - entry.FetchedAt >= _refreshEvery && _refreshing.TryAdd(modelId, true))
        {
            // Off the calling grain's scheduler: the refresh belongs to the silo, not to the device that noticed.
            _ = Task.Run(() => RefreshAsync(modelId));
        }

        return !ReferenceEquals(entry.Rules, current) && entry.Rules.Version >= current.Version ? entry.Rules : null;
    }

    private async Task RefreshAsync(string modelId)
    {
        try
        {
            await RenewAsync(modelId);
        }
        catch
        {
            // The next batch after the refresh interval tries again; devices keep the rules they have meanwhile.
        }
        finally
        {
            _refreshing.TryRemove(modelId, out _);
        }
    }

    private sealed record Entry(DeviceRules Rules, DateTimeOffset FetchedAt);
}
