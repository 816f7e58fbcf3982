namespace IotService.Dispatch.Receipts;

/// <summary>
/// Why a technician was not chosen. Eligibility is checked in declaration order and the first failing check is the
/// reason (a technician lacking the skill is reported as <see cref="Skill"/> even if also off shift).
/// </summary>
public enum RejectionReason
{
    /// <summary>Does not hold the order's skill.</summary>
    Skill = 0,

    /// <summary>Holds the skill below the required level.</summary>
    Level = 1,

    /// <summary>Off shift at the moment of dispatch.</summary>
    Shift = 2,

    /// <summary>Marked unavailable.</summary>
    Availability = 3,

    /// <summary>Open orders already at the workload limit.</summary>
    Workload = 4,

    /// <summary>Declined this order (or did not accept it in time); re-dispatch excludes them.</summary>
    Excluded = 5,

    /// <summary>Eligible but costlier than the chosen technician.</summary>
    CostRank = 6,

    /// <summary>Eligible, but the joint assignment gave this technician to another waiting order.</summary>
    AssignedElsewhere = 7,
}
