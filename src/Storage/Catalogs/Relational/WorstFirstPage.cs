using System.Data.Common;
using IotService.Contracts.Common;

namespace IotService.Storage.Catalogs.Relational;

/// <summary>
/// Reads a worst-first device page: one index range per severity, from the worst (or the cursor's) down, until the
/// page is full. Each range walks an index in id order and stops at the page size, so a page costs the same at any
/// depth. The caller runs the command in a transaction that sees one snapshot, so a row moving between severities
/// meanwhile cannot appear twice on a page.
/// </summary>
internal static class WorstFirstPage
{
    /// <param name="level">
    /// Selects one severity's rows in id order: <c>severity = @severity AND id &gt; @after</c>, <c>LIMIT @limit</c>,
    /// with the list columns (<see cref="DeviceSummaryRow.ReadListed"/>).
    /// </param>
    /// <exception cref="InvalidCursorException">The cursor was not handed out by the worst-first list.</exception>
    public static async Task<Page<DeviceSummary>> ReadAsync(DbCommand level, DeviceQuery query, int limit, CancellationToken cancellationToken)
    {
        var start = WorstCursor.Decode(query.Cursor);
        var levels = (query.Severities is { Count: > 0 } wanted ? wanted.Distinct() : Enum.GetValues<Severity>())
            .Where(severity => start is null || severity <= start.Value.Severity)
            .OrderDescending()
            .ToList();

        var rows = new List<DeviceSummary>(limit + 1);
        foreach (var severity in levels)
        {
            level.Parameters["@severity"].Value = (int)severity;
            level.Parameters["@after"].Value = start is { } s && s.Severity == severity ? s.Id : "";
            level.Parameters["@limit"].Value = limit + 1 - rows.Count;
            await using var reader = await level.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(DeviceSummaryRow.ReadListed(reader));
            }

            if (rows.Count > limit)
            {
                break;
            }
        }

        return KeysetCursor.ToPage(rows, limit, row => WorstCursor.KeyOf(row.Severity, row.Id), WorstCursor.Tag);
    }
}
