namespace IotService.Dashboard.Live;

/// <summary>Client methods the map hub invokes (what a client registers with <c>connection.on(…)</c>).</summary>
public static class LiveMethods
{
    /// <summary><c>{"event","alarm"}</c>: an alarm the client may see changed.</summary>
    public const string Alarm = "alarm";

    /// <summary><c>{"audience","event","alarm"}</c>: a model action told this client's user about an alarm.</summary>
    public const string Notification = "notification";

    /// <summary>A work order changed: <c>{event, order}</c> to staff, its customer and its technician (and the one it was taken from).</summary>
    public const string WorkOrder = "workOrder";

    /// <summary>
    /// <c>{devices, clusters, total, clustered, technicians?}</c>: what the connection's viewport shows, once per
    /// <c>JoinViewport</c>. Replaces what the client drew before.
    /// </summary>
    public const string ViewportSnapshot = "viewportSnapshot";

    /// <summary>
    /// <c>{clusters, total}</c>: in cluster mode, the clusters again when one changed (at most once per
    /// <c>Map:ClusterRefreshMilliseconds</c>); they replace the clusters drawn. Devices drawn alone change by <c>deviceDeltas</c>.
    /// </summary>
    public const string ViewportClusters = "viewportClusters";

    /// <summary>
    /// <c>[{id, modelId, customerId, …changed fields}]</c>: the devices in the connection's viewport or watched set that
    /// changed in the last window (<c>removed: true</c> when one left the view), at most one message per window.
    /// </summary>
    public const string DeviceDeltas = "deviceDeltas";

    /// <summary><c>[{id, name, lat, lon, available, currentWorkOrderId}]</c>: technicians whose map entry changed (staff with a viewport).</summary>
    public const string TechnicianDeltas = "technicianDeltas";

    /// <summary>
    /// <c>{}</c>, once per connection, when it has joined every group it may hear. SignalR completes the client's start
    /// before the hub's <c>OnConnectedAsync</c> has run, so a change in between would pass the client by; a client that
    /// loads a snapshot after <c>ready</c> misses nothing.
    /// </summary>
    public const string Ready = "ready";
}
