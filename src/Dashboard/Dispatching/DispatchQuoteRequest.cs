namespace IotService.Dashboard.Dispatching;

/// <summary>Body of <c>POST /api/work-orders/{id}/dispatch/quote</c>: the technician the dispatcher would give the order to.</summary>
public sealed record DispatchQuoteRequest(string? TechnicianId);
