namespace IotService.Contracts.Customers;

/// <summary>A customer: who owns devices, its service tier and whom to notify.</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CustomerTier Tier = CustomerTier.Standard,
    [property: Id(3)] IReadOnlyList<Contact>? Contacts = null,
    [property: Id(4)] string? Owner = null,
    [property: Id(5)] string? Supervisor = null,
    [property: Id(6)] DateTimeOffset? UpdatedAt = null);
