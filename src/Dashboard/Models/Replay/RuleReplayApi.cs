using IotService.Contracts.Models;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Storage.History;
using IotService.Ingest.HistoryWriting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Models.Replay;

/// <summary><c>POST /api/device-models/{id}/rules/replay</c>: how often a rule would have fired over stored history (staff only).</summary>
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
        string id, RuleReplayRequest request, IGrainFactory grains, RuleReplayService replay, CancellationToken ct)
    {
        if (await grains.GetGrain<IDeviceModelGrain>(id).GetAsync() is not { } model)
        {
            return ApiProblems.NotFound("device model", id);
        }

        try
        {
            return TypedResults.Ok(await replay.ReplayAsync(model, request, ct));
        }
        catch (ReplayTooLargeException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Replay too large", detail: ex.Message,
                extensions: new Dictionary<string, object?> { ["maxReadings"] = ex.MaxReadings });
        }
        catch (HistoryStoreUnavailableException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "History unavailable", detail: ex.Message);
        }
    }
}
