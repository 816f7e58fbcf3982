using System.Globalization;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Contracts.Telemetry;
using IotService.Grains.Devices;

namespace IotService.Grains.Tests.Alarms;

/// <summary>A chiller model, device state and readings for the alarm tests.</summary>
internal static class AlarmTestModels
{
    public static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T10:00:00Z", CultureInfo.InvariantCulture);

    public static RuleDefinition Overheat(double durationSeconds = 0, Severity severity = Severity.Critical, double value = 90) =>
        new("overheat", "threshold", severity, "temperature", ">", value, DurationSeconds: durationSeconds, ClearValue: 85);

    public static RuleDefinition Silent(double seconds = 900, string? property = null) =>
        new("silent", "nodata", Severity.Major, property, Seconds: seconds);

    public static DeviceModelDefinition Model(int version = 1, double? escalateAfterSeconds = null, params RuleDefinition[] rules) => new(
        "chiller-x",
        "Chiller X",
        [new PropertyDefinition("temperature", "°C", -40, 150), new PropertyDefinition("rpm", "rpm", 0, 5000)],
        rules,
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["critical"] = ["notifyOwner", "notifyCustomer", "createWorkOrder"],
            ["major"] = ["notifySupervisor"],
        },
        new WorkOrderTemplate("repair", "refrigeration", 2),
        Version: version,
        EscalateAfterSeconds: escalateAfterSeconds);

    public static DeviceState Device() => new()
    {
        Registered = true,
        ModelId = "chiller-x",
        CustomerId = "cust-1",
        RegisteredAt = T0,
    };

    public static TelemetryBatch Batch(DateTimeOffset at, string property, double value) =>
        new("dev-1", [new TelemetryReading(at, [new PropertyReading(property, value)], null)], at);
}
