using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs;
using static IotService.Contracts.WorkOrders.WorkOrderState;

namespace IotService.Grains.WorkOrders;

/// <summary>
/// The work-order state machine (SPEC §8), pure: new → assigned → accepted → travelling → on-site → completed →
/// closed, plus declined (back to dispatch), cancelled and on-hold. Every step is stamped with time and actor;
/// an illegal step throws <see cref="WorkOrderTransitionException"/> and changes nothing.
/// </summary>
public static class WorkOrderLifecycle
{
    public static readonly IReadOnlyList<string> Actions =
        ["assign", "unassign", "accept", "decline", "travel", "start", "complete", "close", "cancel", "hold", "resume", "rate"];

    /// <summary>States dispatch picks orders from.</summary>
    public static readonly IReadOnlySet<WorkOrderState> Waiting = new HashSet<WorkOrderState> { New, Declined };

    /// <summary>States in which an order counts against its technician's workload.</summary>
    public static readonly IReadOnlySet<WorkOrderState> Busy = new HashSet<WorkOrderState> { Assigned, Accepted, Travelling, OnSite };

    private static readonly WorkOrderState[] Open = [New, Assigned, Accepted, Travelling, OnSite, Declined, OnHold];

    public static WorkOrder Apply(WorkOrder order, WorkOrderCommand command, DateTimeOffset now)
    {
        var next = command.Action switch
        {
            "assign" => Assign(order, command, now),
            "unassign" => Step(order, command, [Assigned], New, now) with
            {
                TechnicianId = null,
                AssignedAt = null,
                ExcludedTechnicians = Exclude(order, order.TechnicianId),
            },
            "accept" => Step(order, command, [Assigned], Accepted, now),
            "decline" => Step(order, command, [Assigned, Accepted], Declined, now) with
            {
                TechnicianId = null,
                AssignedAt = null,
                ExcludedTechnicians = Exclude(order, order.TechnicianId),
            },
            "travel" => Step(order, command, [Accepted], Travelling, now),
            "start" => Step(order, command, [Accepted, Travelling], OnSite, now),
            "complete" => Complete(order, command, now),
            "close" => Step(order, command, [Completed], Closed, now),
            "cancel" => Step(order, command, Open, Cancelled, now),
            "hold" => Step(order, command, [New, Assigned, Accepted, Travelling, OnSite, Declined], OnHold, now) with { HeldFrom = order.State },
            "resume" => Step(order, command, [OnHold], order.HeldFrom ?? New, now) with { HeldFrom = null },
            "rate" => Rate(order, command, now),
            _ => throw new WorkOrderTransitionException($"Unknown action '{command.Action}' (known: {string.Join(", ", Actions)})."),
        };
        return next with { SlaBreached = IsBreached(next, now) };
    }

    /// <summary>Past its due time: completed late, or still open and already late.</summary>
    public static bool IsBreached(WorkOrder order, DateTimeOffset now) => order.DueAt is { } due && order.State switch
    {
        Completed or Closed => order.CompletedAt > due,
        Cancelled => order.SlaBreached,
        _ => now > due,
    };

    private static WorkOrder Assign(WorkOrder order, WorkOrderCommand command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.TechnicianId))
        {
            throw new WorkOrderTransitionException("'assign' needs a technicianId.");
        }

        // A dispatcher may reassign until the technician is on the road.
        return Step(order, command, [New, Declined, Assigned, Accepted], Assigned, now) with
        {
            TechnicianId = command.TechnicianId,
            AssignedAt = now,
        };
    }

    private static WorkOrder Complete(WorkOrder order, WorkOrderCommand command, DateTimeOffset now)
    {
        if (command.Completion is null)
        {
            throw new WorkOrderTransitionException("'complete' needs the completion record (notes, parts used, labour minutes).");
        }

        var completed = Step(order, command, [OnSite], Completed, now) with { Completion = command.Completion, CompletedAt = now };
        return command.Rating is null ? completed : WithRating(completed, command);
    }

    private static WorkOrder Rate(WorkOrder order, WorkOrderCommand command, DateTimeOffset now)
    {
        if (order.State is not (Completed or Closed))
        {
            throw WorkOrderTransitionException.NotFrom(order, "rate", [Completed, Closed]);
        }

        return WithRating(order, command) with
        {
            UpdatedAt = RowStamps.Later(order.UpdatedAt, now),
            History = [.. order.History, new WorkOrderStep(order.State, now, command.Actor, $"rated {command.Rating}")],
        };
    }

    private static WorkOrder WithRating(WorkOrder order, WorkOrderCommand command) => command.Rating is >= 1 and <= 5
        ? order with { Rating = command.Rating, RatingComment = command.Comment }
        : throw new WorkOrderTransitionException("A rating is a whole number from 1 to 5.");

    private static WorkOrder Step(WorkOrder order, WorkOrderCommand command, WorkOrderState[] from, WorkOrderState to, DateTimeOffset now)
    {
        if (!from.Contains(order.State))
        {
            throw WorkOrderTransitionException.NotFrom(order, command.Action, from);
        }

        return order with
        {
            State = to,
            UpdatedAt = RowStamps.Later(order.UpdatedAt, now),
            History = [.. order.History, new WorkOrderStep(to, now, command.Actor, command.Note)],
        };
    }

    private static IReadOnlyList<string> Exclude(WorkOrder order, string? technicianId) =>
        technicianId is null || order.ExcludedTechnicians.Contains(technicianId) ? order.ExcludedTechnicians : [.. order.ExcludedTechnicians, technicianId];

}
