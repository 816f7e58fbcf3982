using System.Data.Common;
using IotService.Storage.Catalogs.Relational;
using IotService.Storage.Postgres;
using Npgsql;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>Runs catalog statements on pooled connections of the <see cref="PostgresDatabase"/>.</summary>
internal static class PostgresCommands
{
    public static async Task<List<T>> QueryAsync<T>(
        PostgresDatabase database,
        string sql,
        IEnumerable<(string Name, object Value)> parameters,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken) =>
        await CatalogReads.QueryAsync(
            await database.OpenAsync(cancellationToken).ConfigureAwait(false),
            sql,
            parameters.Select(parameter => Parameter(parameter.Name, parameter.Value)),
            read,
            cancellationToken).ConfigureAwait(false);

    /// <summary>One statement in its own implicit transaction; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(
        PostgresDatabase database,
        string sql,
        IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(parameter => Parameter(parameter.Name, parameter.Value)).ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static NpgsqlParameter Parameter(string name, object? value) => new(name, value ?? DBNull.Value);
}
