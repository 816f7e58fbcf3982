namespace IotService.Contracts.Customers;

[GenerateSerializer, Immutable]
public sealed record Contact(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Email = null,
    [property: Id(2)] string? Phone = null);
