using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace IotService.Dashboard.Api.Bounds;

/// <summary>
/// Bounds every text field and list of a request body, whatever the route: names and ids at most
/// <see cref="ShortTextChars"/> characters, free text (descriptions, notes, comments) at most <see cref="LongTextChars"/>,
/// lists and maps at most <see cref="MaxItems"/> entries, none of them null; numbers finite. One walk over the bound body instead of a check per field,
/// so a field added to a request later is bounded without anyone remembering to.
/// </summary>
public static class RequestBounds
{
    public const int ShortTextChars = 200;
    public const int LongTextChars = 4000;
    public const int MaxItems = 1000;

    // Deep enough for every body the API takes; a deeper one is refused rather than walked.
    private const int MaxDepth = 16;

    /// <summary>
    /// Fields that hold prose, and passwords (whose own policy bounds them, and which sign-in refuses like a wrong
    /// one rather than saying why); every other text field is a name, id, code or label.
    /// </summary>
    private static readonly HashSet<string> LongTextFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "description", "note", "notes", "comment", "text", "message", "password", "currentPassword", "newPassword",
    };

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Throws <see cref="RequestValidationException"/> naming every field over its bound.</summary>
    public static void Check(object? body)
    {
        var errors = new ValidationErrors();
        Walk(body, "", "", 0, errors);
        errors.ThrowIfAny();
    }

    /// <summary>Whether values of <paramref name="type"/> are request records this walk looks into.</summary>
    public static bool IsRequestType(Type type)
        => type.Namespace?.StartsWith("IotService.", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsInterface && !type.IsAbstract;

    private static void Walk(object? value, string path, string field, int depth, ValidationErrors errors)
    {
        switch (value)
        {
            case null:
                return;
            case double number:
                // JSON reads 1e400 as infinity; nothing could write it back, nor compute with it.
                errors.Require(double.IsFinite(number), Field(path), "a finite number");
                return;
            case float number:
                errors.Require(float.IsFinite(number), Field(path), "a finite number");
                return;
            case string text:
                var limit = LongTextFields.Contains(field) ? LongTextChars : ShortTextChars;
                errors.Require(text.Length <= limit, Field(path), $"at most {limit} characters");
                return;
            case IDictionary map:
                if (TooDeepOrLong(map.Count, path, depth, errors))
                {
                    return;
                }

                foreach (DictionaryEntry entry in map)
                {
                    errors.Require(entry.Value is not null, $"{path}[{Shorten(entry.Key as string ?? "")}]", "may not be null");
                    var key = entry.Key as string ?? Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    errors.Require(key.Length <= ShortTextChars, Field(path), $"keys of at most {ShortTextChars} characters");
                    Walk(entry.Value, $"{path}[{Shorten(key)}]", field, depth + 1, errors);
                }

                return;
            case IEnumerable items:
                var list = items.Cast<object?>().Take(MaxItems + 1).ToList();
                if (TooDeepOrLong(list.Count, path, depth, errors))
                {
                    return;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    // Lists of things never hold "nothing"; a null entry would reach code that reads its fields.
                    errors.Require(list[i] is not null, $"{path}[{i}]", "may not be null");
                    Walk(list[i], $"{path}[{i}]", field, depth + 1, errors);
                }

                return;
        }

        var type = value.GetType();
        if (!IsRequestType(type))
        {
            return;
        }

        if (depth >= MaxDepth)
        {
            errors.Add(Field(path), "nested too deeply");
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Walk(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", name, depth + 1, errors);
        }
    }

    private static bool TooDeepOrLong(int count, string path, int depth, ValidationErrors errors)
    {
        if (depth >= MaxDepth)
        {
            errors.Add(Field(path), "nested too deeply");
            return true;
        }

        if (count > MaxItems)
        {
            errors.Add(Field(path), $"at most {MaxItems} entries");
            return true;
        }

        return false;
    }

    private static PropertyInfo[] Readable(Type type)
        => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)];

    private static string Field(string path) => path.Length == 0 ? "body" : path;

    private static string Shorten(string key) => key.Length <= 40 ? key : key[..40] + "…";
}
