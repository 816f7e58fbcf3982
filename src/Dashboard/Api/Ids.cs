namespace IotService.Dashboard.Api;

/// <summary>The shape of ids of models, customers, technicians and rules.</summary>
public static class Ids
{
    public const string Rule = "1–64 characters: letters, digits, '.', '_', '-', not starting with a punctuation mark";

    public static bool IsValid(string? id)
        => id is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Creates through a grain, turning its "already exists" into 409.</summary>
    public static async Task<T> CreateAsync<T>(Func<Task<T>> create)
    {
        try
        {
            return await create();
        }
        catch (InvalidOperationException ex) when (ex is not ConflictException)
        {
            throw new ConflictException(ex.Message);
        }
    }
}
