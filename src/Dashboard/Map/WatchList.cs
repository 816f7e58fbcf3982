using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Map;

/// <summary>The argument of the hub method <c>WatchDevices</c>: the device ids a client shows outside its map, checked.</summary>
public static class WatchList
{
    public const int MaxDevices = 500;
    private const int MaxIdLength = 64;

    /// <exception cref="HubException">More than <see cref="MaxDevices"/> ids, or an empty or overlong one.</exception>
    public static IReadOnlySet<string> From(IReadOnlyCollection<string?>? ids)
    {
        if (ids is null)
        {
            return new HashSet<string>();
        }

        if (ids.Count > MaxDevices)
        {
            throw new HubException($"Invalid watch list: at most {MaxDevices} device ids, got {ids.Count}.");
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
            {
                throw new HubException($"Invalid watch list: device ids have 1 to {MaxIdLength} characters.");
            }

            set.Add(id);
        }

        return set;
    }
}
