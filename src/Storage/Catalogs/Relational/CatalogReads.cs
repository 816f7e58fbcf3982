using System.Data.Common;
using System.Text.Json;

namespace IotService.Storage.Catalogs.Relational;

/// <summary>Runs a catalog query on a connection the provider opened, and reads its rows.</summary>
internal static class CatalogReads
{
    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/>, which it closes when done.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        DbConnection connection,
        string sql,
        IEnumerable<DbParameter> parameters,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using (connection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddRange(parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    /// <summary>A row whose first column is a record serialized with <see cref="CatalogJson.Options"/>.</summary>
    public static T Json<T>(DbDataReader reader) =>
        JsonSerializer.Deserialize<T>(reader.GetString(0), CatalogJson.Options)
            ?? throw new InvalidDataException($"A catalog row holds no {typeof(T).Name}.");
}
