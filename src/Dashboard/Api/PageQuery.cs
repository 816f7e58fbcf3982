namespace IotService.Dashboard.Api;

/// <summary>Paging parameters every list route takes (SPEC §5).</summary>
public static class PageQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static int Limit(int? limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw RequestValidationException.For("limit", $"1 to {MaxLimit}");
        }

        return limit ?? DefaultLimit;
    }

    /// <summary>
    /// Parses a comma-separated list of enum names (<c>?severity=critical,major</c>, <c>?state=on-site</c>): the names the
    /// API writes (camelCase, or a member's own JSON name) and the C# member names, in any case.
    /// </summary>
    public static IReadOnlyList<T>? EnumList<T>(string? text, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var names = EnumNames<T>.ByName;
        var values = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!names.TryGetValue(part, out var value))
            {
                throw RequestValidationException.For(field, $"'{part}' is not one of {string.Join(", ", EnumNames<T>.Written)}");
            }

            values.Add(value);
        }

        return values;
    }
}
