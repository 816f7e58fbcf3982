namespace IotService.Contracts.Common;

/// <summary>The shape of ids people choose: of models, customers, technicians and rules.</summary>
public static class IdShape
{
    /// <summary>The rule in words, as validation errors state it.</summary>
    public const string Description = "1–64 characters: letters, digits, '.', '_', '-', not starting with a punctuation mark";

    public static bool IsValid(string? id)
        => id is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
