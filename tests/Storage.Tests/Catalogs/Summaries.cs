using System.Globalization;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>Device summaries with distinct, predictable values for catalog tests.</summary>
internal static class Summaries
{
    public static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T10:00:00Z", CultureInfo.InvariantCulture);

    public static DeviceSummary Device(int number) => new(
        Id: $"dev-{number:D4}",
        Name: $"Chiller {number}",
        ModelId: "chiller-x",
        CustomerId: "cust-1",
        Status: DeviceStatus.Online,
        Severity: Severity.None,
        Lat: 31.23,
        Lon: 121.47,
        LastSeen: T0,
        RegisteredAt: T0.AddDays(-30),
        ValuesJson: """{"temperature":71.3}""",
        SecretHash: $"hash-{number}",
        ActivationCode: $"ACT-{number:D4}",
        UpdatedAt: T0);
}
