namespace IotService.Contracts.WorkOrders;

/// <summary>A part fitted on a job: how many, and the price per piece charged to the customer.</summary>
[GenerateSerializer, Immutable]
public sealed record PartUsed(
    [property: Id(0)] string Part,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal UnitPrice);
