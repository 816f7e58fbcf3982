using IotService.Dashboard.Api;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Devices;

/// <summary>The device list's own query parameters beyond the shared filters and paging: search, sort and id lists.</summary>
public static class DeviceListParameters
{
    public const int MaxSearchLength = 100;
    public const int MaxIds = 100;

    /// <summary>The search text trimmed, or null when there is none.</summary>
    public static string? Search(string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= MaxSearchLength && !text.Any(char.IsControl)
            ? text
            : throw RequestValidationException.For("search", $"at most {MaxSearchLength} characters, no control characters");
    }

    public static DeviceSort Sort(string? sort) => sort?.Trim().ToLowerInvariant() switch
    {
        null or "" or "id" => DeviceSort.Id,
        "worst" => DeviceSort.Worst,
        _ => throw RequestValidationException.For("sort", $"'{sort}' is not one of id, worst"),
    };

    /// <summary>A comma-separated list of ids (<c>?modelId=a,b</c>), each of the shape ids have; null when empty.</summary>
    public static IReadOnlyList<string>? Ids(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = new ValidationErrors();
        errors.Require(ids.Length <= MaxIds, field, $"at most {MaxIds} ids");
        foreach (var id in ids.Where(id => !IotService.Dashboard.Api.Ids.IsValid(id)).Take(5))
        {
            errors.Add(field, $"'{id}' is not an id: {IotService.Dashboard.Api.Ids.Rule}");
        }

        errors.ThrowIfAny();
        return ids;
    }
}
