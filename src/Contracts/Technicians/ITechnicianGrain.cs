namespace IotService.Contracts.Technicians;

/// <summary>One grain per technician, keyed by technician id.</summary>
[Alias("IotService.Contracts.Technicians.ITechnicianGrain")]
public interface ITechnicianGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<TechnicianDefinition?> GetAsync();

    [Alias("Save")]
    Task<TechnicianDefinition> SaveAsync(TechnicianDefinition technician, bool mustNotExist);

    /// <summary>Where the technician is now (from their phone); null if the technician does not exist.</summary>
    [Alias("Move")]
    Task<TechnicianDefinition?> MoveAsync(Common.GeoPoint location);

    /// <summary>Whether the technician takes work (sick, on leave, busy off the system); null if the technician does not exist.</summary>
    [Alias("SetAvailable")]
    Task<TechnicianDefinition?> SetAvailableAsync(bool available);
}
