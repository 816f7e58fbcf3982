using IotService.Contracts.Customers;

namespace IotService.Dashboard.Demo;

/// <summary>A demo customer, where it operates, and which equipment it runs in what proportion.</summary>
/// <param name="Weight">Relative share of the fleet this customer owns.</param>
public sealed record DemoCustomer(
    CustomerDefinition Definition,
    int Weight,
    IReadOnlyList<string> Cities,
    IReadOnlyList<(string ModelId, int Weight)> Equipment)
{
    public string Id => Definition.Id;
}
