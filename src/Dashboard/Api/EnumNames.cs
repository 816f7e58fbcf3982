using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotService.Dashboard.Api;

/// <summary>An enum's names as the API writes them (<see cref="JsonStringEnumMemberNameAttribute"/> or camelCase), for parsing query strings.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    /// <summary>Written names and C# member names, case-insensitive.</summary>
    public static readonly IReadOnlyDictionary<string, T> ByName = Build();

    public static readonly IReadOnlyList<string> Written = Enum.GetValues<T>().Select(WrittenName).ToList();

    private static Dictionary<string, T> Build()
    {
        var names = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            names[value.ToString()] = value;
            names[WrittenName(value)] = value;
        }

        return names;
    }

    private static string WrittenName(T value)
    {
        var member = typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }
}
