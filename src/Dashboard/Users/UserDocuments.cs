using System.Text.Json;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Users;

/// <summary>The catalog form of accounts: documents of kind <c>user</c>, keyed by <see cref="HubUser.Id"/>.</summary>
public static class UserDocuments
{
    public const string Kind = "user";

    public static string Serialize(HubUser user) => JsonSerializer.Serialize(user, CatalogJson.Options);

    public static HubUser Parse(string json) => JsonSerializer.Deserialize<HubUser>(json, CatalogJson.Options)!;

    public static async Task<HubUser?> FindAsync(this IDocumentCatalog catalog, string id, CancellationToken cancellationToken)
        => await catalog.GetAsync(Kind, id, cancellationToken) is { } json ? Parse(json) : null;
}
