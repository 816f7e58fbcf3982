using System.Runtime.CompilerServices;

namespace IotService.Ingest.Diagnostics;

/// <summary>The snake_case names of an enum's values (0, 1, 2…), as metrics tags and stats keys carry them.</summary>
public static class SnakeCaseNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly string[] Names = Enum.GetValues<TEnum>()
        .OrderBy(ToInt)
        .Select(v => ToSnakeCase(v.ToString()))
        .ToArray();

    public static int Count => Names.Length;

    public static string Of(TEnum value) => Names[ToInt(value)];

    private static int ToInt(TEnum value) => Unsafe.As<TEnum, int>(ref value);

    private static string ToSnakeCase(string name)
        => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
