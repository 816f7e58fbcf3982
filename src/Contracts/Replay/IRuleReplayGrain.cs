namespace IotService.Contracts.Replay;

/// <summary>
/// Replays a model's rule over stored history (SPEC §6), in the silo next to the history it reads. A stateless
/// worker: call it with key 0; replays run side by side on as many activations as the silo allows.
/// </summary>
[Alias("IotService.Contracts.Replay.IRuleReplayGrain")]
public interface IRuleReplayGrain : IGrainWithIntegerKey
{
    /// <summary>How often the rule would have fired; a replay may read millions of readings, hence the long timeout.</summary>
    [Alias("Replay")]
    [ResponseTimeout("00:10:00")]
    Task<RuleReplayAnswer> ReplayAsync(string modelId, RuleReplayRequest request, CancellationToken cancellationToken = default);
}
