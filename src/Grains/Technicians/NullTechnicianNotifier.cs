using IotService.Contracts.Technicians;

namespace IotService.Grains.Technicians;

/// <summary>The technician receiver when the host registers none (grain tests, tools): changes are stored, nobody is told.</summary>
public sealed class NullTechnicianNotifier : ITechnicianNotifier
{
    public void Publish(TechnicianDefinition technician)
    {
    }
}
