using System.ComponentModel.DataAnnotations;

namespace IotService.Grains.WorkOrders;

/// <summary>Work-order settings: SLA targets and the labour rate of the charge.</summary>
public sealed class WorkOrderOptions
{
    public const string SectionName = "WorkOrders";

    /// <summary>Hours from creation to completion by <c>tier-priority</c>; the tighter the tier and the higher the priority, the sooner.</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultSlaHours = new Dictionary<string, double>
    {
        ["strategic-urgent"] = 4, ["strategic-high"] = 8, ["strategic-normal"] = 24, ["strategic-low"] = 72,
        ["core-urgent"] = 8, ["core-high"] = 24, ["core-normal"] = 48, ["core-low"] = 120,
        ["standard-urgent"] = 24, ["standard-high"] = 48, ["standard-normal"] = 96, ["standard-low"] = 168,
    };

    /// <summary>Overrides of <see cref="DefaultSlaHours"/>, e.g. <c>WorkOrders:SlaHours:core-urgent = 6</c>.</summary>
    public Dictionary<string, double> SlaHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Labour charged per hour on completion.</summary>
    [Range(0, 1_000_000)]
    public decimal LabourRatePerHour { get; set; } = 90;

    /// <summary>Unit prices by part, used when a completion does not give one (<c>WorkOrders:PartPrices:compressor-relay = 40</c>).</summary>
    public Dictionary<string, decimal> PartPrices { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
