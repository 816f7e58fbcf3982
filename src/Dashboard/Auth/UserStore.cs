using System.Text.Json;
using IotService.Grains.Catalog;

namespace IotService.Dashboard.Auth;

/// <summary>User accounts, kept as catalog documents of kind <c>user</c>.</summary>
public sealed class UserStore(IDocumentCatalog catalog, TimeProvider time)
{
    public const string Kind = "user";

    public async Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        var json = await catalog.GetAsync(Kind, username, cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<UserAccount>(json, CatalogJson.Options);
    }

    public Task SaveAsync(UserAccount user, CancellationToken cancellationToken = default)
        => catalog.UpsertAsync(Kind, user.Username, JsonSerializer.Serialize(user, CatalogJson.Options), time.GetUtcNow(), cancellationToken);
}
