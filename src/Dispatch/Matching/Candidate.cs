using IotService.Dispatch.Receipts;

namespace IotService.Dispatch.Matching;

/// <summary>One examined technician: why not (null = eligible), how far, and for the eligible, the cost.</summary>
internal readonly record struct Candidate(int Index, RejectionReason? Reason, double DistanceKm, bool CarriesParts, double Total);
