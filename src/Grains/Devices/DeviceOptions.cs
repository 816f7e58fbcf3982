using System.ComponentModel.DataAnnotations;

namespace IotService.Grains.Devices;

/// <summary>Device presence and rule-clock settings.</summary>
public sealed class DeviceOptions
{
    public const string SectionName = "Devices";

    /// <summary>Seconds without a message after which an online device is shown offline.</summary>
    [Range(1, 86_400)]
    public double LastSeenTimeoutSeconds { get; set; } = 120;

    /// <summary>How often the presence sweep looks for silent devices.</summary>
    [Range(0.1, 3600)]
    public double SweepIntervalSeconds { get; set; } = 10;

    /// <summary>
    /// How often the rule clock calls devices whose no-data rule or alarm escalation is due. A no-data alarm
    /// fires at most this much after its period ends.
    /// </summary>
    [Range(0.1, 3600)]
    public double RuleClockSeconds { get; set; } = 5;
}
