namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>The index a device list or count tells SQLite to walk (<c>INDEXED BY</c>).</summary>
internal static class DeviceIndexHints
{
    /// <summary>
    /// The index hint of a list or count: a search with no customer filter walks the narrow search index instead
    /// of reading every row (the planner cannot tell how rare a match is); a customer's list is small anyway.
    /// </summary>
    public static string List(DeviceQuery query) =>
        !string.IsNullOrEmpty(query.Search) && query.CustomerId is null && query.CustomerIds is not { Count: > 0 }
            ? $" INDEXED BY {DeviceCatalogSql.SearchIndex}"
            : "";

    /// <summary>
    /// The index of one severity's range of a worst-first page. The planner, without statistics on a fresh fleet, may
    /// walk the primary key and sort; these walk a range already in id order. One customer's range is small; any other
    /// filter is checked along the severity's range on the index itself.
    /// </summary>
    public static string Worst(DeviceQuery query) =>
        OneCustomer(query) ? $" INDEXED BY {DeviceCatalogSql.CustomerWorstIndex}" : $" INDEXED BY {DeviceCatalogSql.ListIndex}";

    /// <summary>
    /// The index of a count: one customer's range when that is the only filter besides severity; otherwise the list
    /// index, which holds every filtered column, so no count reads the table.
    /// </summary>
    public static string Count(DeviceQuery query) =>
        OneCustomer(query) && query.Statuses is not { Count: > 0 } && query.ModelId is null && query.ModelIds is not { Count: > 0 }
            && string.IsNullOrEmpty(query.Search)
            ? $" INDEXED BY {DeviceCatalogSql.CustomerWorstIndex}"
            : $" INDEXED BY {DeviceCatalogSql.ListIndex}";

    private static bool OneCustomer(DeviceQuery query) =>
        (query.CustomerId is not null && query.CustomerIds is not { Count: > 0 }) || (query.CustomerId is null && query.CustomerIds is { Count: 1 });
}
