using IotService.Contracts.Devices;
using IotService.Dashboard.Map;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Tests.Map;

public sealed class DeviceDeltaNotifierTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private DeviceDeltaNotifier Notifier(int capacity = 100) => new(
        Options.Create(new MapOptions { PendingCapacity = capacity }),
        _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
        NullLogger<DeviceDeltaNotifier>.Instance);

    private static DeviceDelta Delta(string device, int second, double rpm) => new(device, "chiller-x", null, T0.AddSeconds(second), false)
    {
        Values = new Dictionary<string, PropertyValue> { ["rpm"] = new(rpm, T0.AddSeconds(second)) },
    };

    [Fact]
    public void DeltasOfOneDeviceWaitAsOneWithHowManyTheyWere()
    {
        var notifier = Notifier();

        notifier.Publish(Delta("dev-1", 1, 1000));
        notifier.Publish(Delta("dev-2", 1, 500));
        notifier.Publish(Delta("dev-1", 2, 1100));

        var window = notifier.Take().OrderBy(d => d.Delta.DeviceId, StringComparer.Ordinal).ToList();
        Assert.Equal([("dev-1", 2, 1100.0), ("dev-2", 1, 500.0)], window.Select(d => (d.Delta.DeviceId, d.Count, d.Delta.Values["rpm"].Value)));
        Assert.Empty(notifier.Take());
    }

    [Fact]
    public void ADeviceBeyondTheCapacityIsDroppedAndCountedWhileWaitingDevicesStillMerge()
    {
        var notifier = Notifier(capacity: 1);

        notifier.Publish(Delta("dev-1", 1, 1000));
        notifier.Publish(Delta("dev-2", 1, 500));
        notifier.Publish(Delta("dev-1", 2, 1100));

        Assert.Equal(1, notifier.DroppedCount);
        Assert.Equal(("dev-1", 2), notifier.Take().Select(d => (d.Delta.DeviceId, d.Count)).Single());
    }

    public void Dispose() => _services.Dispose();
}
