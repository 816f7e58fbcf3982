using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Api;
using IotService.Grains.WorkOrders;

namespace IotService.Dashboard.WorkOrders;

/// <summary>The completion record and its charge: labour minutes at the labour rate, plus each part at its price.</summary>
public static class WorkOrderCharges
{
    public static WorkOrderCompletion Completion(WorkOrderActionRequest request, WorkOrderOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(request.LabourMinutes is >= 0 and <= 100_000, "labourMinutes", "required to complete: 0 to 100000");
        var parts = new List<PartUsed>();
        var list = request.Parts ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            var price = p.UnitPrice ?? (p.Part is null ? null : options.PartPrices.GetValueOrDefault(p.Part));
            errors.Require(!string.IsNullOrWhiteSpace(p.Part), $"parts[{i}].part", "required");
            errors.Require(p.Quantity is >= 1 and <= 10_000, $"parts[{i}].quantity", "1 to 10000");
            errors.Require(price is >= 0, $"parts[{i}].unitPrice", $"give a unit price: '{p.Part}' is not in the price list (WorkOrders:PartPrices)");
            if (price is { } known)
            {
                parts.Add(new PartUsed(p.Part!, p.Quantity, known));
            }
        }

        errors.ThrowIfAny();
        var labour = Math.Round(request.LabourMinutes!.Value / 60m * options.LabourRatePerHour, 2);
        var partsCharge = parts.Sum(p => p.Quantity * p.UnitPrice);
        return new WorkOrderCompletion(request.Notes, parts, request.LabourMinutes.Value, options.LabourRatePerHour, labour, partsCharge, labour + partsCharge);
    }
}
