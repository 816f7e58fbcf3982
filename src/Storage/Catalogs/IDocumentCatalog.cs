namespace IotService.Storage.Catalogs;

/// <summary>
/// Small, rarely changing records (device models, customers, technicians) stored as JSON
/// documents keyed by (kind, id), listed in id order with keyset paging.
/// </summary>
public interface IDocumentCatalog
{
    Task UpsertAsync(string kind, string id, string json, DateTimeOffset updatedAt, CancellationToken cancellationToken = default);

    Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken = default);

    Task<Page<string>> ListAsync(string kind, int limit, string? cursor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ChangedSinceAsync(string kind, DateTimeOffset since, CancellationToken cancellationToken = default);
}
