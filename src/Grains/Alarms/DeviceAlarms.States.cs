using IotService.Grains.Devices;
using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>Each rule's state on this device: live in the activation, checkpointed with the device, started afresh when its rule changed.</summary>
public sealed partial class DeviceAlarms
{
    private static IRuleState StateOf(DeviceState s, ModelRule rule, DateTimeOffset now) => LiveState(s, rule, now, out _);

    /// <summary>The rule's live state: restored from its checkpoint, or, for a new or edited rule or an unreadable checkpoint, fresh.</summary>
    private static IRuleState LiveState(DeviceState s, ModelRule rule, DateTimeOffset now, out bool fresh)
    {
        fresh = false;
        if (s.RuleStates.TryGetValue(rule.Id, out var checkpoint) && checkpoint.Fingerprint == rule.Fingerprint)
        {
            if (checkpoint.Live is { } previous && !ReferenceEquals(checkpoint.LiveOwner, rule.Compiled))
            {
                // The same definition compiled anew (a model version that changed other rules, a retrained detector): the
                // state passes through its checkpoint, so the new compilation decides whether it can continue it.
                checkpoint.Data = previous.Checkpoint();
                checkpoint.Live = null;
            }

            checkpoint.Live ??= checkpoint.Data is { } data ? rule.Compiled.Restore(data) : null;
            if (checkpoint.Live is { } live)
            {
                checkpoint.LiveOwner = rule.Compiled;
                return live;
            }
        }
        else
        {
            // An edited rule judges from the next reading on; an alarm still open stays open until the new rule clears it.
            s.RuleStates[rule.Id] = checkpoint = new RuleCheckpoint { Fingerprint = rule.Fingerprint };
        }

        fresh = true;
        checkpoint.LiveOwner = rule.Compiled;
        return checkpoint.Live = rule.Compiled.Start(new RuleStart(now, s.OpenAlarms.GetValueOrDefault(rule.Id)?.RaisedAt));
    }
}
