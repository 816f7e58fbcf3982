using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IotService.Dashboard.Api;

public static class ApiProblems
{
    public static NotFound<ProblemDetails> NotFound(string what, string id)
        => TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = $"No {what} '{id}'." });
}
