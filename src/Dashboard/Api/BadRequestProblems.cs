using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace IotService.Dashboard.Api;

/// <summary>
/// Says in the API's words what ASP.NET Core could not read. Its own messages name .NET types ("Failed to read
/// parameter \"CreateWorkOrderRequest request\"…"), which tell a client nothing and a prober too much.
/// </summary>
public static partial class BadRequestProblems
{
    public static ProblemDetails From(BadHttpRequestException exception, long? maxBodyBytes) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request body is too large.",
            Detail = maxBodyBytes is { } max ? $"Bodies may be at most {max} bytes." : null,
        },
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(),
        _ => new ProblemDetails { Status = exception.StatusCode, Title = "The request could not be read.", Detail = Describe(exception) },
    };

    public static ProblemDetails UnsupportedMediaType() => new()
    {
        Status = StatusCodes.Status415UnsupportedMediaType,
        Title = "Unsupported media type.",
        Detail = "Send the body as JSON, with Content-Type: application/json.",
    };

    private static string Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var where = json.Path is { Length: > 0 } path ? $" at {path}" : "";
            var line = json.LineNumber is { } l ? $" (line {l + 1}, byte {json.BytePositionInLine + 1})" : "";
            return $"The body is not valid JSON for this request{where}{line}.";
        }

        var parameter = ParameterName().Match(exception.Message) is { Success: true } m ? m.Groups["name"].Value : null;
        return exception.Message switch
        {
            _ when parameter is null => "Check the body and the query against /openapi/v1.json.",
            var message when message.Contains("from body", StringComparison.Ordinal) => "A JSON body is required.",
            var message when message.StartsWith("Required", StringComparison.Ordinal) => $"'{parameter}' is required.",
            _ => $"The value of '{parameter}' is not valid.",
        };
    }

    // ASP.NET Core quotes parameters as "TypeName name".
    [GeneratedRegex("parameter \"[^\"]*?(?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex ParameterName();
}
