using IotService.Contracts.Replay;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Models.Replay;

/// <summary>
/// <c>POST /api/device-models/{id}/rules/replay</c>: how often a rule would have fired over stored history (staff
/// only). The replay runs in the silo (<see cref="IRuleReplayGrain"/>); this maps its answer to HTTP.
/// </summary>
public static class RuleReplayApi
{
    public static IEndpointRouteBuilder MapRuleReplayApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/device-models/{id}/rules/replay", ReplayAsync)
            .WithTags("Device models")
            .RequireAuthorization(Policies.Staff)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<RuleReplayResponse>, ProblemHttpResult>> ReplayAsync(
        string id, RuleReplayRequest request, IGrainFactory grains, CancellationToken ct)
    {
        var answer = await grains.GetGrain<IRuleReplayGrain>(0).ReplayAsync(id, request, ct);
        return answer.Outcome switch
        {
            RuleReplayOutcome.Replayed => TypedResults.Ok(answer.Response),
            RuleReplayOutcome.ModelNotFound => ApiProblems.NotFound("device model", id),
            RuleReplayOutcome.Invalid => throw new RequestValidationException(new Dictionary<string, string[]>(answer.Errors!)),
            RuleReplayOutcome.TooLarge => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Replay too large", detail: answer.Detail,
                extensions: new Dictionary<string, object?> { ["maxReadings"] = answer.MaxReadings }),
            RuleReplayOutcome.HistoryUnavailable => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "History unavailable", detail: answer.Detail),
            _ => throw new InvalidOperationException($"Replay answered {answer.Outcome}, which the API does not know."),
        };
    }
}
