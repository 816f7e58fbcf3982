namespace IotService.Storage.Catalogs.Relational;

/// <summary>The filters of a <see cref="DeviceQuery"/> as <c>AND</c> conditions; both providers apply the same ones.</summary>
internal static class DeviceListFilters
{
    /// <param name="searchCondition">The provider's condition on <c>@search</c>, a LIKE pattern with '\' as escape.</param>
    /// <param name="withSeverity">False where the caller reads one severity at a time and filters it itself.</param>
    public static void Add(SqlStatement statement, DeviceQuery query, string searchCondition, bool withSeverity = true)
    {
        if (withSeverity)
        {
            statement.AddIn("severity", query.Severities?.Select(severity => (int)severity));
        }

        statement.AddIn("status", query.Statuses?.Select(status => (int)status));
        statement.AddEquals("customer_id", query.CustomerId);
        statement.AddIn("customer_id", query.CustomerIds);
        statement.AddEquals("model_id", query.ModelId);
        statement.AddIn("model_id", query.ModelIds);
        if (!string.IsNullOrEmpty(query.Search))
        {
            statement.Text.Append(searchCondition);
            statement.With("@search", "%" + EscapeLike(query.Search) + "%");
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
