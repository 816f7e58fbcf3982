using System.Collections.Concurrent;
using IotService.Contracts.Models;
using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>
/// Compiled rules per device model, shared by every device grain in the silo, so 100,000 devices of one model
/// compile its rules once per version. Readings carry the model version ingest validated them against, which
/// tells a device at once that an edit happened; clock ticks, which carry none, accept a copy up to
/// <see cref="MaxAge"/> old.
/// </summary>
public sealed class ModelRulesCache(IGrainFactory grains, RuleKindRegistry kinds, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The model's rules at <paramref name="minVersion"/> or later (0: whatever is fresh enough).</summary>
    public async Task<DeviceRules> GetAsync(string modelId, int minVersion = 0)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(modelId, out var entry)
            && (minVersion > 0 ? entry.Rules.Version >= minVersion : now - entry.FetchedAt < MaxAge))
        {
            return entry.Rules;
        }

        var model = await grains.GetGrain<IDeviceModelGrain>(modelId).GetAsync();
        var rules = entry is not null && model is not null && entry.Rules.Version == model.Version ? entry.Rules : DeviceRules.From(model, kinds);
        _entries[modelId] = new Entry(rules, now);
        return rules;
    }

    private sealed record Entry(DeviceRules Rules, DateTimeOffset FetchedAt);
}
