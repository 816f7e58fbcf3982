using IotService.Storage.Catalogs;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Tests.Catalogs;

internal static class CatalogPaging
{
    /// <summary>Follows nextCursor from the first page to the last (at most 100 pages, so a cursor loop fails instead of hanging).</summary>
    public static async Task<List<Page<T>>> ListAllAsync<T>(Func<string?, Task<Page<T>>> list)
    {
        var pages = new List<Page<T>>();
        string? cursor = null;
        do
        {
            var page = await list(cursor);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 100);

        return pages;
    }

    /// <summary>The detail lines of SQLite's plan for <paramref name="sql"/>.</summary>
    public static async Task<string> ExplainAsync(SqliteDatabase database, string sql, IEnumerable<SqliteParameter> parameters)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    }
}
