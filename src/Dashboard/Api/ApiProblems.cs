using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Api;

public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what, string id)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} '{id}'.");

    public static ProblemHttpResult Conflict(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
