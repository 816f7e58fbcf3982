namespace IotService.Contracts.Technicians;

/// <summary>One grain per technician, keyed by technician id.</summary>
[Alias("IotService.Contracts.Technicians.ITechnicianGrain")]
public interface ITechnicianGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<TechnicianDefinition?> GetAsync();

    [Alias("Save")]
    Task<TechnicianDefinition> SaveAsync(TechnicianDefinition technician, bool mustNotExist);
}
