using IotService.Contracts.Common;

namespace IotService.Storage.Catalogs;

/// <summary>Cursors of the worst-first device list: the severity and id of the last row, <c>"{severity}:{id}"</c>.</summary>
internal static class WorstCursor
{
    public const string Tag = "w1:";

    public static string KeyOf(Severity severity, string id) => $"{(int)severity}:{id}";

    /// <summary>Where to continue; null when there is no cursor (start at the worst severity).</summary>
    /// <exception cref="InvalidCursorException">The cursor was not handed out by the worst-first list.</exception>
    public static (Severity Severity, string Id)? Decode(string? cursor)
    {
        var key = KeysetCursor.Decode(cursor, Tag);
        if (key.Length == 0)
        {
            return null;
        }

        if (key.Length < 3 || key[1] != ':' || key[0] is < '0' or > '4')
        {
            throw new InvalidCursorException(null);
        }

        return ((Severity)(key[0] - '0'), key[2..]);
    }
}
