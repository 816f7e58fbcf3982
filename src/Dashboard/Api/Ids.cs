using IotService.Contracts.Common;

namespace IotService.Dashboard.Api;

/// <summary>The shape of ids of models, customers, technicians and rules.</summary>
public static class Ids
{
    public const string Rule = IdShape.Description;

    public static bool IsValid(string? id) => IdShape.IsValid(id);

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
