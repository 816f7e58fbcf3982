using IotService.Contracts.Models;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Grains.Anomalies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Models.Anomalies;

/// <summary>
/// <c>GET /api/device-models/{id}/anomaly-model</c> (admin, dispatcher, technician): what the model's multivariate
/// detector is, so people can see whether and on what it was trained. Customers are not shown it: it names every
/// property, technician-only ones included.
/// </summary>
public static class AnomalyModelApi
{
    public static IEndpointRouteBuilder MapAnomalyModelApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/device-models/{id}/anomaly-model", GetAsync)
            .WithTags("Device models")
            .RequireAuthorization(Policies.FieldStaff);
        return app;
    }

    private static async Task<Results<Ok<AnomalyModelResponse>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IOptions<MultivariateOptions> options)
    {
        var model = await grains.GetGrain<IDeviceModelGrain>(id).GetAsync();
        if (model is null)
        {
            return ApiProblems.NotFound("device model", id);
        }

        var info = await grains.GetGrain<IMultivariateDetectorGrain>(id).DescribeAsync();
        if (info is not { Version: { } version, TrainedAt: { } trainedAt })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No anomaly model yet", detail: WhyNone(model, info, options.Value.CheckEvery),
                extensions: new Dictionary<string, object?> { ["lastAttemptAt"] = info.LastAttemptAt, ["lastOutcome"] = info.LastOutcome });
        }

        return TypedResults.Ok(new AnomalyModelResponse(
            info.ModelId, version, trainedAt, info.Rows, info.Devices, info.Properties, info.Rank, info.PreviousVersion, info.LastAttemptAt, info.LastOutcome));
    }

    private static string WhyNone(DeviceModelDefinition model, MultivariateDetectorInfo info, TimeSpan checkEvery)
    {
        if (!MultivariateSchedule.WantsDetector(model))
        {
            return $"Device model '{model.Id}' has no enabled anomaly rule on every property, so no multivariate detector is trained for it.";
        }

        return info.LastAttemptAt is { } at
            ? $"Device model '{model.Id}' has no trained multivariate detector yet: the last training, at {at:O}, ended with '{info.LastOutcome}'; it is tried again later."
            : $"Device model '{model.Id}' has no trained multivariate detector yet, and no training has been tried (the hub looks for due models every {checkEvery}).";
    }
}
