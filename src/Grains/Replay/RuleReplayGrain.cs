using IotService.Contracts.Models;
using IotService.Contracts.Replay;
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

        return await replayer.ReplayAsync(model, request, cancellationToken);
    }
}
