namespace IotService.Contracts.WorkOrders;

/// <summary>
/// What the technician records at completion, and the charge worked out from it:
/// <see cref="LabourCharge"/> = <see cref="LabourMinutes"/> / 60 × <see cref="LabourRatePerHour"/>, plus the parts.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkOrderCompletion(
    [property: Id(0)] string? Notes,
    [property: Id(1)] IReadOnlyList<PartUsed> Parts,
    [property: Id(2)] int LabourMinutes,
    [property: Id(3)] decimal LabourRatePerHour,
    [property: Id(4)] decimal LabourCharge,
    [property: Id(5)] decimal PartsCharge,
    [property: Id(6)] decimal Charge);
