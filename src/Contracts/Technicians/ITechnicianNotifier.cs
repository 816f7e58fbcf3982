namespace IotService.Contracts.Technicians;

/// <summary>
/// Tells the live map where technicians are and whether they take work. The technician grain calls it after every stored
/// change of its technician (creation, a new location, availability), and nothing else does. It must return at once and
/// never fail. The web host implements it; a silo without one uses a null implementation.
/// </summary>
[Alias("IotService.Contracts.Technicians.ITechnicianNotifier")]
public interface ITechnicianNotifier : IGrainObserver
{
    [Alias("Publish")]
    void Publish(TechnicianDefinition technician);
}
