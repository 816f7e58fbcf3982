using IotService.Contracts.Models;
using IotService.Contracts.Replay;
using IotService.Grains.Anomalies;
using IotService.Rules.Anomalies.Multivariate;
using Orleans.Concurrency;

namespace IotService.Grains.Replay;

/// <summary>Replay in the silo, next to the history it reads: the web host only maps HTTP to it.</summary>
[StatelessWorker]
public sealed class RuleReplayGrain(RuleReplayer replayer) : Grain, IRuleReplayGrain
{
    public async Task<RuleReplayAnswer> ReplayAsync(string modelId, RuleReplayRequest request, CancellationToken cancellationToken = default)
    {
        if (await GrainFactory.GetGrain<IDeviceModelGrain>(modelId).GetAsync() is not { } model)
        {
            return new RuleReplayAnswer(RuleReplayOutcome.ModelNotFound);
        }

        // The detector a live device would run with this rule; an anomaly rule on every property runs without it until one is trained.
        var detector = ReplayRuleResolver.ReadsDetector(model, request)
            ? await GrainFactory.GetGrain<IMultivariateDetectorGrain>(modelId).GetAsync()
            : null;
        return await replayer.ReplayAsync(model, request, detector is null ? null : MultivariateModel.FromBytes(detector.Data), cancellationToken);
    }
}
