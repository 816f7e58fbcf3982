using System.Text.Json;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Api;

/// <summary>Lists of catalog documents (models, customers, technicians) as typed pages.</summary>
public static class DocumentLists
{
    public static async Task<ListResponse<T>> ListAsync<T>(IDocumentCatalog catalog, string kind, int? limit, string? cursor, CancellationToken ct)
    {
        var page = await catalog.ListAsync(kind, PageQuery.Limit(limit), cursor, ct);
        var items = page.Items.Select(json => JsonSerializer.Deserialize<T>(json, CatalogJson.Options)!).ToList();
        return new ListResponse<T>(items, page.NextCursor);
    }
}
