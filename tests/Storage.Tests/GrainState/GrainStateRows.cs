using System.Data.Common;

namespace IotService.Storage.Tests.GrainState;

/// <summary>Reads the grain_state table directly, the way an operator would look.</summary>
internal static class GrainStateRows
{
    public static async Task<List<(string GrainType, string GrainId)>> KeysAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_id FROM grain_state ORDER BY grain_type, grain_id;";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            keys.Add((reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }
}
