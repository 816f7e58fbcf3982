namespace IotService.Dashboard.WorkOrders;

/// <summary>
/// Optional body of <c>POST /api/work-orders/{id}/{action}</c>: <c>technicianId</c> for assign; <c>notes</c>,
/// <c>parts</c> and <c>labourMinutes</c> for complete; <c>rating</c> (1–5) and <c>comment</c> for complete or rate;
/// <c>note</c> on any step.
/// </summary>
public sealed record WorkOrderActionRequest(
    string? TechnicianId = null,
    string? Note = null,
    string? Notes = null,
    IReadOnlyList<PartRequest>? Parts = null,
    int? LabourMinutes = null,
    int? Rating = null,
    string? Comment = null);

/// <summary>A part used; without <c>unitPrice</c> the price list (<c>WorkOrders:PartPrices</c>) prices it.</summary>
public sealed record PartRequest(string Part, int Quantity, decimal? UnitPrice = null);
