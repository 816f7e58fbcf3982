using System.Text.Json;
using IotService.Storage.Catalogs;

namespace IotService.Grains.Documents;

/// <summary>
/// Base of the grains that own one small definition (device model, customer, technician):
/// the grain state is the truth; each save also writes the catalog document lists read from.
/// </summary>
public abstract class DocumentGrain<T>(IPersistentState<DocumentState<T>> state, IDocumentCatalog catalog, TimeProvider time) : Grain
    where T : class
{
    protected abstract string Kind { get; }

    public Task<T?> GetAsync() => Task.FromResult(state.State.Definition);

    public async Task<T> SaveAsync(T definition, bool mustNotExist)
    {
        var id = this.GetPrimaryKeyString();
        var current = state.State.Definition;
        if (mustNotExist && current is not null)
        {
            throw new InvalidOperationException($"{Kind} '{id}' already exists.");
        }

        var now = time.GetUtcNow();
        var saved = Stamp(definition, current, now);
        state.State.Definition = saved;
        await state.WriteStateAsync();
        await catalog.UpsertAsync(Kind, id, JsonSerializer.Serialize(saved, CatalogJson.Options), now);
        Saved(saved);
        return saved;
    }

    /// <summary>Changes the stored definition in place (one grain turn, so no update is lost); null if there is none.</summary>
    protected async Task<T?> UpdateAsync(Func<T, T> change)
    {
        if (state.State.Definition is not { } current)
        {
            return null;
        }

        return await SaveAsync(change(current), mustNotExist: false);
    }

    /// <summary>The definition as stored: the grain's id, update time and (for versioned kinds) the next version.</summary>
    protected abstract T Stamp(T definition, T? current, DateTimeOffset now);

    /// <summary>Called after each save is stored (state and catalog), to tell whoever follows the kind.</summary>
    protected virtual void Saved(T saved)
    {
    }
}
