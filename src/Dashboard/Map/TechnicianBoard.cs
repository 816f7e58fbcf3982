using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;

namespace IotService.Dashboard.Map;

/// <summary>
/// The technicians as staff maps show them (<see cref="MapTechnician"/>), kept from the technician grains' changes
/// (it is their <see cref="ITechnicianNotifier"/>) and from work-order changes, which decide each one's current order:
/// of the open orders assigned to them, the furthest along (on site, travelling, accepted, assigned, on hold), the
/// earliest assigned first. Changed technicians wait for the next window (<see cref="TakeChanges"/>), the newest state of
/// each. Thread-safe.
/// </summary>
public sealed class TechnicianBoard : ITechnicianNotifier
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TechnicianDefinition> _technicians = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MapTechnician> _shown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, WorkOrder>> _openByTechnician = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _technicianByOrder = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _technicians.Count;
            }
        }
    }

    public void Publish(TechnicianDefinition technician)
    {
        if (technician is null)
        {
            return;
        }

        lock (_gate)
        {
            // A catalog row read at start may arrive after a newer change from the grain.
            if (_technicians.TryGetValue(technician.Id, out var known) && known.UpdatedAt > technician.UpdatedAt)
            {
                return;
            }

            _technicians[technician.Id] = technician;
            Refresh(technician.Id);
        }
    }

    /// <summary>A stored work-order change: the order's technician (and the one it was taken from) may have a new current order.</summary>
    public void OnWorkOrder(WorkOrder order)
    {
        lock (_gate)
        {
            Follow(order);
        }
    }

    /// <summary>An open order read from the catalog at start; one the board already follows is newer.</summary>
    public void Load(WorkOrder order)
    {
        lock (_gate)
        {
            if (!_technicianByOrder.ContainsKey(order.Id))
            {
                Follow(order);
            }
        }
    }

    private void Follow(WorkOrder order)
    {
        var previous = _technicianByOrder.GetValueOrDefault(order.Id);
        if (previous is not null && _openByTechnician.TryGetValue(previous, out var held))
        {
            if (held.TryGetValue(order.Id, out var known) && known.UpdatedAt > order.UpdatedAt)
            {
                return;
            }

            held.Remove(order.Id);
            _technicianByOrder.Remove(order.Id);
        }

        var technician = order.TechnicianId;
        if (technician is not null && IsOpen(order.State))
        {
            if (!_openByTechnician.TryGetValue(technician, out var open))
            {
                _openByTechnician[technician] = open = new(StringComparer.Ordinal);
            }

            open[order.Id] = order;
            _technicianByOrder[order.Id] = technician;
            Refresh(technician);
        }

        if (previous is not null && (previous != technician || !IsOpen(order.State)))
        {
            Refresh(previous);
        }
    }

    public List<MapTechnician> All()
    {
        lock (_gate)
        {
            return [.. _shown.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>Technicians whose map entry changed since the last call, as they are now.</summary>
    public List<MapTechnician> TakeChanges()
    {
        lock (_gate)
        {
            if (_changed.Count == 0)
            {
                return [];
            }

            var changed = _changed.Select(id => _shown[id]).ToList();
            _changed.Clear();
            return changed;
        }
    }

    public static bool IsOpen(WorkOrderState state)
        => state is WorkOrderState.Assigned or WorkOrderState.Accepted or WorkOrderState.Travelling or WorkOrderState.OnSite or WorkOrderState.OnHold;

    private void Refresh(string technicianId)
    {
        if (!_technicians.TryGetValue(technicianId, out var technician))
        {
            // Orders of a technician not loaded (yet): remembered, shown once the technician is.
            return;
        }

        var position = technician.Location ?? technician.HomeBase;
        var shown = new MapTechnician(technician.Id, technician.Name, position?.Lat, position?.Lon, technician.Available, CurrentOrder(technicianId));
        if (!_shown.TryGetValue(technicianId, out var before) || before != shown)
        {
            _shown[technicianId] = shown;
            _changed.Add(technicianId);
        }
    }

    private string? CurrentOrder(string technicianId)
    {
        if (!_openByTechnician.TryGetValue(technicianId, out var open) || open.Count == 0)
        {
            return null;
        }

        return open.Values
            .OrderByDescending(o => Progress(o.State))
            .ThenBy(o => o.AssignedAt ?? o.CreatedAt)
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .First().Id;
    }

    private static int Progress(WorkOrderState state) => state switch
    {
        WorkOrderState.OnSite => 4,
        WorkOrderState.Travelling => 3,
        WorkOrderState.Accepted => 2,
        WorkOrderState.Assigned => 1,
        _ => 0,
    };
}
