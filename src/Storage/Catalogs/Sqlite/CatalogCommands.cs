using System.Data.Common;
using IotService.Storage.Catalogs.Relational;
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
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken) =>
        await CatalogReads.QueryAsync(await database.OpenAsync(cancellationToken).ConfigureAwait(false), sql, parameters, read, cancellationToken)
            .ConfigureAwait(false);

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

    public static List<SqliteParameter> Bind(SqlStatement statement) => statement.Bind((name, value) => new SqliteParameter(name, value));
}
