using IotService.Contracts.Replay;

namespace IotService.Grains.Tests.Replay;

internal static class ReplayAnswers
{
    /// <summary>The response of a replay that must have succeeded.</summary>
    public static async Task<RuleReplayResponse> ResponseAsync(this Task<RuleReplayAnswer> replay)
    {
        var answer = await replay;
        Assert.Equal(RuleReplayOutcome.Replayed, answer.Outcome);
        return answer.Response!;
    }
}
