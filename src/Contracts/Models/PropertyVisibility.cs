namespace IotService.Contracts.Models;

/// <summary>Who may see a property: technicians (and staff) only, or customers too.</summary>
public enum PropertyVisibility
{
    Technician = 0,
    Customer = 1,
}
