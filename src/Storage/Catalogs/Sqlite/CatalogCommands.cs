using System.Text.Json;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>Runs catalog statements: reads on a pooled connection, writes through the database's group-committing writer.</summary>
internal static class CatalogCommands
{
    public static async Task<List<T>> QueryAsync<T>(
        SqliteDatabase database,
        string sql,
        IEnumerable<SqliteParameter> parameters,
        Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Rows whose first column is a record serialized with <see cref="CatalogJson.Options"/>.</summary>
    public static Task<List<T>> QueryJsonAsync<T>(
        SqliteDatabase database,
        string sql,
        IEnumerable<SqliteParameter> parameters,
        CancellationToken cancellationToken) =>
        QueryAsync(
            database,
            sql,
            parameters,
            reader => JsonSerializer.Deserialize<T>(reader.GetString(0), CatalogJson.Options)
                ?? throw new InvalidDataException($"A catalog row holds no {typeof(T).Name}."),
            cancellationToken);

    /// <summary>
    /// Executes one statement in the writer's shared transaction. The command is built inside the work, so the
    /// writer can replay it alone after a failure in its group.
    /// </summary>
    public static Task<int> WriteAsync(
        SqliteDatabase database,
        string sql,
        IReadOnlyList<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = transaction;
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                return command.ExecuteNonQuery();
            },
            cancellationToken);
}
