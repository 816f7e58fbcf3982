using IotService.Dispatch.Costs;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Receipts;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Matching;

/// <summary>One order at one moment: its interned skill, the local clock for shifts and its cost terms.</summary>
internal sealed class OrderContext
{
    public OrderContext(DispatchOrder order, int skillId, DateTimeOffset now, CostSettings settings)
    {
        Order = order;
        SkillId = skillId;
        Now = now;
        LocalTime = TimeOnly.FromTimeSpan(now.TimeOfDay);
        Settings = settings;
        Cost = new OrderCost(order, now, settings);
    }

    public DispatchOrder Order { get; }

    public int SkillId { get; }

    public DateTimeOffset Now { get; }

    public TimeOnly LocalTime { get; }

    public CostSettings Settings { get; }

    public OrderCost Cost { get; }

    /// <summary>The first failing check in the documented order, or null when the technician is eligible.</summary>
    public RejectionReason? Check(Technician technician, int level)
    {
        if (level < 0)
        {
            return RejectionReason.Skill;
        }

        if (level < Order.Level)
        {
            return RejectionReason.Level;
        }

        if (technician.Shift is { } shift && !shift.Contains(LocalTime))
        {
            return RejectionReason.Shift;
        }

        if (!technician.Available)
        {
            return RejectionReason.Availability;
        }

        if (technician.OpenOrders >= technician.WorkloadLimit)
        {
            return RejectionReason.Workload;
        }

        if (Order.ExcludedTechnicianIds is { Count: > 0 } excluded && excluded.Contains(technician.Id))
        {
            return RejectionReason.Excluded;
        }

        return null;
    }
}
