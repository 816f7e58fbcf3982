using IotService.Dashboard.Hosting.Http;
using IotService.Ingest.Mqtt.Accounts;
using IotService.Storage;
using IotService.Storage.Catalogs;
using IotService.Storage.Postgres;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Api;

/// <summary>
/// Maps the API's own exceptions, what ASP.NET Core could not read, and a cluster's passing outages (503 with
/// Retry-After) onto RFC 9457 problem details; anything else is a bug and stays a 500, whose answer says nothing of the
/// exception.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IOptions<HttpSecurityOptions> http) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RequestValidationException v => new ValidationProblemDetails(v.Errors) { Status = StatusCodes.Status400BadRequest, Title = "The request is not valid." },
            ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = f.Message },
            ConflictException c => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = c.Message },
            BrokerUnavailableException b => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "MQTT broker unavailable", Detail = b.Message },
            InvalidCursorException c => new ValidationProblemDetails(new Dictionary<string, string[]> { ["cursor"] = [c.Message.Split(" (Parameter", 2)[0]] }) { Status = StatusCodes.Status400BadRequest, Title = "The request is not valid." },
            BadHttpRequestException b => BadRequestProblems.From(b, http.Value.MaxRequestBodyBytes),

            // A hub of the cluster was lost with the grain the request needs: Orleans places it anew once the hub is
            // declared dead (seconds, docs/operations.md). Or the shared database is away. Both pass; say when to retry.
            SiloUnavailableException or OrleansMessageRejectionException => Unavailable("A hub of the cluster is unavailable; the device or record it held moves to another hub within seconds."),
            _ when DatabaseAway(exception) => Unavailable("The state database (PostgreSQL) is unavailable."),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The database could not be reached or is shutting down (<see cref="PostgresFailures"/>), here or in a grain on another
    /// hub, which reports it as <see cref="StateDatabaseUnavailableException"/>.
    /// </summary>
    private static bool DatabaseAway(Exception exception)
    {
        if (PostgresFailures.IsDatabaseAway(exception))
        {
            return true;
        }

        // An Npgsql exception a grain on another hub threw where nothing translated it: Orleans carries it by name only
        // (its types are not on the serializer's allow list), and Npgsql reaches grains only through their storage.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Orleans.Serialization.UnavailableExceptionFallbackException remote && remote.ExceptionType?.StartsWith("Npgsql.", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static ProblemDetails Unavailable(string detail) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Temporarily unavailable",
        Detail = detail + $" Try again in {RetryAfterSeconds} seconds.",
    };
}
