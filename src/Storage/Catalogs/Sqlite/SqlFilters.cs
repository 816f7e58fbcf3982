using System.Text;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>Appends the optional filters of a list query as <c>AND</c> conditions with bound parameters.</summary>
internal static class SqlFilters
{
    /// <summary>Matches any of <paramref name="values"/>; nothing is added when there are none.</summary>
    public static void AddIn(StringBuilder sql, List<SqliteParameter> parameters, string column, IEnumerable<int>? values)
    {
        var distinct = values?.Distinct().ToList();
        if (distinct is not { Count: > 0 })
        {
            return;
        }

        var names = distinct.Select((value, index) => $"@{column}{index}").ToList();
        sql.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
        parameters.AddRange(distinct.Select((value, index) => new SqliteParameter(names[index], value)));
    }

    /// <summary>Matches any of <paramref name="values"/>; nothing is added when there are none.</summary>
    public static void AddIn(StringBuilder sql, List<SqliteParameter> parameters, string column, IEnumerable<string>? values)
    {
        var distinct = values?.Distinct(StringComparer.Ordinal).ToList();
        if (distinct is not { Count: > 0 })
        {
            return;
        }

        var names = distinct.Select((value, index) => $"@{column}_in{index}").ToList();
        sql.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
        parameters.AddRange(distinct.Select((value, index) => new SqliteParameter(names[index], value)));
    }

    public static void AddEquals(StringBuilder sql, List<SqliteParameter> parameters, string column, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = @").Append(column);
            parameters.Add(new SqliteParameter($"@{column}", value));
        }
    }

    /// <summary>
    /// Starts a newest-first keyset list from <paramref name="select"/> (which ends in a WHERE clause): ids below the
    /// cursor's, none for the first page; <c>@limit</c> is one row past the clamped page size.
    /// </summary>
    /// <exception cref="ArgumentException">The cursor was not produced by <see cref="KeysetCursor.Encode"/>.</exception>
    public static (StringBuilder Sql, List<SqliteParameter> Parameters, int Limit) NewestFirst(string select, string? cursor, int limit)
    {
        var before = KeysetCursor.Decode(cursor);
        limit = KeysetCursor.ClampLimit(limit);
        var sql = new StringBuilder(select);
        List<SqliteParameter> parameters = [new("@limit", limit + 1)];
        if (before.Length > 0)
        {
            sql.Append(" AND id < @before");
            parameters.Add(new SqliteParameter("@before", before));
        }

        return (sql, parameters, limit);
    }
}
