using System.Text.Json;
using System.Xml.Linq;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// The Data Protection key ring as documents of the shared catalog (PostgreSQL in a cluster), so every hub protects and
/// reads tokens, cookies and anti-forgery tokens with the same keys. Whoever can read the table can forge them: the
/// database account is as sensitive as the key folder of a single hub (docs/operations.md).
/// </summary>
/// <remarks>
/// Data Protection calls a repository synchronously and rarely (at start, when a key is created, and when a payload names
/// a key the ring does not hold yet, which is how a key another hub created is found), so blocking on the catalog is
/// acceptable here.
/// </remarks>
public sealed class CatalogXmlRepository(IDocumentCatalog catalog, TimeProvider time) : IXmlRepository
{
    public const string Kind = "data-protection-key";

    private const int PageSize = 200;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        string? cursor = null;
        do
        {
            var page = catalog.ListAsync(Kind, PageSize, cursor).GetAwaiter().GetResult();
            elements.AddRange(page.Items.Select(json => XElement.Parse(JsonSerializer.Deserialize<StoredKey>(json)!.Xml)));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // Data Protection names a key "key-{guid}"; a name it did not choose safely gets an id of its own.
        var id = string.IsNullOrEmpty(friendlyName) || friendlyName.Length > 100 ? Guid.NewGuid().ToString("D") : friendlyName;
        var json = JsonSerializer.Serialize(new StoredKey(element.ToString(SaveOptions.DisableFormatting)));
        catalog.UpsertAsync(Kind, id, json, time.GetUtcNow()).GetAwaiter().GetResult();
    }

    private sealed record StoredKey(string Xml);
}
