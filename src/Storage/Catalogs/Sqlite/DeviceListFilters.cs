using System.Text;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>The filters of a <see cref="DeviceQuery"/> as <c>AND</c> conditions with bound parameters.</summary>
internal static class DeviceListFilters
{
    /// <param name="withSeverity">False where the caller reads one severity at a time and filters it itself.</param>
    public static void Add(StringBuilder sql, List<SqliteParameter> parameters, DeviceQuery query, bool withSeverity = true)
    {
        if (withSeverity)
        {
            SqlFilters.AddIn(sql, parameters, "severity", query.Severities?.Select(severity => (int)severity));
        }

        SqlFilters.AddIn(sql, parameters, "status", query.Statuses?.Select(status => (int)status));
        SqlFilters.AddEquals(sql, parameters, "customer_id", query.CustomerId);
        SqlFilters.AddIn(sql, parameters, "customer_id", query.CustomerIds);
        SqlFilters.AddEquals(sql, parameters, "model_id", query.ModelId);
        SqlFilters.AddIn(sql, parameters, "model_id", query.ModelIds);
        if (!string.IsNullOrEmpty(query.Search))
        {
            sql.Append(DeviceCatalogSql.SearchCondition);
            parameters.Add(new SqliteParameter("@search", "%" + EscapeLike(query.Search) + "%"));
        }
    }

    /// <summary>
    /// The index hint of a list or count: a search with no customer filter walks the narrow search index instead
    /// of reading every row (the planner cannot tell how rare a match is); a customer's list is small anyway.
    /// </summary>
    public static string IndexHint(DeviceQuery query) =>
        !string.IsNullOrEmpty(query.Search) && query.CustomerId is null && query.CustomerIds is not { Count: > 0 }
            ? $" INDEXED BY {DeviceCatalogSql.SearchIndex}"
            : "";

    /// <summary>
    /// The index of one severity's range of a worst-first page. The planner, without statistics on a fresh fleet, may
    /// walk the primary key and sort; these walk a range already in id order. One customer's range is small; any other
    /// filter is checked along the severity's range on the index itself.
    /// </summary>
    public static string WorstIndexHint(DeviceQuery query) =>
        OneCustomer(query) ? $" INDEXED BY {DeviceCatalogSql.CustomerWorstIndex}" : $" INDEXED BY {DeviceCatalogSql.ListIndex}";

    /// <summary>
    /// The index of a count: one customer's range when that is the only filter besides severity; otherwise the list
    /// index, which holds every filtered column, so no count reads the table.
    /// </summary>
    public static string CountIndexHint(DeviceQuery query) =>
        OneCustomer(query) && query.Statuses is not { Count: > 0 } && query.ModelId is null && query.ModelIds is not { Count: > 0 }
            && string.IsNullOrEmpty(query.Search)
            ? $" INDEXED BY {DeviceCatalogSql.CustomerWorstIndex}"
            : $" INDEXED BY {DeviceCatalogSql.ListIndex}";

    private static bool OneCustomer(DeviceQuery query) =>
        (query.CustomerId is not null && query.CustomerIds is not { Count: > 0 }) || (query.CustomerId is null && query.CustomerIds is { Count: 1 });

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
