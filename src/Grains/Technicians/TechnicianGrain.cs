using IotService.Contracts.Common;
using IotService.Contracts.Technicians;
using IotService.Grains.Documents;
using IotService.Storage.Catalogs;

namespace IotService.Grains.Technicians;

public sealed class TechnicianGrain(
    [PersistentState("technician", "technicians")] IPersistentState<DocumentState<TechnicianDefinition>> state,
    IDocumentCatalog catalog,
    ITechnicianNotifier notifier,
    TimeProvider time) : DocumentGrain<TechnicianDefinition>(state, catalog, time), ITechnicianGrain
{
    protected override string Kind => DocumentKinds.Technician;

    public Task<TechnicianDefinition?> MoveAsync(GeoPoint location) => UpdateAsync(t => t with { Location = location });

    public Task<TechnicianDefinition?> SetAvailableAsync(bool available) => UpdateAsync(t => t with { Available = available });

    protected override TechnicianDefinition Stamp(TechnicianDefinition definition, TechnicianDefinition? current, DateTimeOffset now)
        => definition with { Id = this.GetPrimaryKeyString(), UpdatedAt = now };

    // The live map draws technicians where they are.
    protected override void Saved(TechnicianDefinition saved) => notifier.Publish(saved);
}
