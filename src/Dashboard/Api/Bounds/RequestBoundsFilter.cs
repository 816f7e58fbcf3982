using System.Security.Claims;

namespace IotService.Dashboard.Api.Bounds;

/// <summary>
/// Runs <see cref="RequestBounds"/> over the body argument of every route that takes one, and answers 404 for route
/// values no record can have (blank, or longer than any id): grains refuse blank keys by throwing, and nothing should
/// reach them that cannot name a thing.
/// </summary>
public static class RequestBoundsFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var bodies = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter.ParameterType, index))
            .Where(p => RequestBounds.IsRequestType(p.ParameterType) && p.ParameterType != typeof(ClaimsPrincipal) && services?.IsService(p.ParameterType) != true)
            .Select(p => p.index)
            .ToArray();
        return invocation =>
        {
            foreach (var value in invocation.HttpContext.Request.RouteValues.Values)
            {
                if (value is string id && (string.IsNullOrWhiteSpace(id) || id.Length > RequestBounds.ShortTextChars))
                {
                    return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such thing."));
                }
            }

            foreach (var index in bodies)
            {
                RequestBounds.Check(invocation.Arguments[index]);
            }

            return next(invocation);
        };
    }
}
