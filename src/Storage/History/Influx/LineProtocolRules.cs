using System.Buffers;

namespace IotService.Storage.History.Influx;

/// <summary>
/// What line protocol cannot carry, checked before a point is encoded, so that one bad point can
/// never corrupt its neighbours in a batch or be stored as something else.
/// </summary>
public static class LineProtocolRules
{
    /// <summary>InfluxDB's time range (±9223372036854775806 ns), in whole milliseconds.</summary>
    public const long MinMilliseconds = -9_223_372_036_854;

    /// <inheritdoc cref="MinMilliseconds"/>
    public const long MaxMilliseconds = 9_223_372_036_854;

    private static readonly SearchValues<char> EscapedBySpecial = SearchValues.Create(", =");

    /// <summary>Why <paramref name="point"/> cannot be written, or null when it can.</summary>
    public static string? FindProblem(HistoryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var problem = FindNameProblem(point.DeviceId, fieldKey: false) is { } device ? $"device id {device}"
            : FindNameProblem(point.ModelId, fieldKey: false) is { } model ? $"model id {model}"
            : point.CustomerId is { Length: > 0 } && FindNameProblem(point.CustomerId, fieldKey: false) is { } customer ? $"customer id {customer}"
            : null;
        if (problem is not null)
        {
            return problem;
        }

        if (point.Values.Length == 0)
        {
            return "the point has no values";
        }

        var ms = point.Timestamp.ToUnixTimeMilliseconds();
        if (ms is < MinMilliseconds or > MaxMilliseconds)
        {
            return $"timestamp {point.Timestamp:O} is outside InfluxDB's range (1677-09-21 to 2262-04-11)";
        }

        foreach (var value in point.Values)
        {
            if (FindNameProblem(value.Property, fieldKey: true) is { } name)
            {
                return $"property name {name}";
            }

            if (!double.IsFinite(value.Value))
            {
                return $"property '{value.Property}' is {value.Value}; InfluxDB stores finite numbers only";
            }
        }

        return null;
    }

    /// <summary>Why a tag value or field key cannot be written, or null when it can.</summary>
    public static string? FindNameProblem(string? name, bool fieldKey)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "is empty";
        }

        // A newline ends the line (a point could be injected); InfluxQL turns a carriage return into a
        // newline, so such a name could never be queried; other control characters are trimmed as whitespace.
        if (name.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
        {
            return $"'{name}' contains a control character";
        }

        // InfluxDB 1.x treats whatever follows a backslash as escaped, so a trailing backslash would
        // swallow the separator after it.
        if (name[^1] == '\\')
        {
            return $"'{name}' ends with a backslash";
        }

        // In the field set InfluxDB skips a backslash and the character after it as a pair, so the
        // escape written for ", =" after a backslash would be read as an escaped backslash instead.
        if (fieldKey)
        {
            for (var i = IndexOfSpecial(name, 0); i >= 0; i = IndexOfSpecial(name, i + 1))
            {
                if (i > 0 && name[i - 1] == '\\')
                {
                    return $"'{name}' has a backslash before '{name[i]}'";
                }
            }
        }

        return null;
    }

    private static int IndexOfSpecial(string name, int start)
    {
        var next = name.AsSpan(start).IndexOfAny(EscapedBySpecial);
        return next < 0 ? -1 : start + next;
    }
}
