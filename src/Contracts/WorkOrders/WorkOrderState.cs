using System.Text.Json.Serialization;

namespace IotService.Contracts.WorkOrders;

/// <summary>
/// Work-order states (SPEC §8): new → assigned → accepted → travelling → on-site → completed → closed,
/// plus declined (back to dispatch), cancelled and on-hold.
/// </summary>
public enum WorkOrderState
{
    New = 0,
    Assigned = 1,
    Accepted = 2,
    Travelling = 3,
    [JsonStringEnumMemberName("on-site")] OnSite = 4,
    Completed = 5,
    Closed = 6,
    Declined = 7,
    Cancelled = 8,
    [JsonStringEnumMemberName("on-hold")] OnHold = 9,
}
