using System.Diagnostics.Metrics;
using IotService.Dashboard.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Tests.Notifications;

public sealed class AlarmNotifierTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private AlarmNotifier Notifier(int capacity) => new(
        Options.Create(new AlarmNotificationOptions { QueueCapacity = capacity }),
        _services.GetRequiredService<IMeterFactory>(),
        NullLogger<AlarmNotifier>.Instance);

    [Fact]
    public void PublishQueuesChangesInOrder()
    {
        var notifier = Notifier(10);

        notifier.Publish(Alarms.Change("cust-1") with { Event = "raised" });
        notifier.Publish(Alarms.Change("cust-1") with { Event = "acknowledged" });

        Assert.True(notifier.Reader.TryRead(out var first));
        Assert.True(notifier.Reader.TryRead(out var second));
        Assert.Equal(["raised", "acknowledged"], new[] { first!.Change.Event, second!.Change.Event });
        Assert.Equal(0, notifier.DroppedCount);
    }

    [Fact]
    public void AFullQueueDropsTheOldestChangeAndCountsIt()
    {
        var notifier = Notifier(2);

        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            notifier.Publish(new(Alarms.Record("cust-1", name), "raised", []));
        }

        Assert.Equal(2, notifier.DroppedCount);
        Assert.Equal(["c", "d"], Drain(notifier));
    }

    [Fact]
    public void DropsAreCountedOnTheNotificationsMeter()
    {
        var notifier = Notifier(1);
        long measured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AlarmNotifier.MeterName && instrument.Name == "iot.notifications.alarms.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref measured, value));
        listener.Start();

        notifier.Publish(Alarms.Change("cust-1"));
        notifier.Publish(Alarms.Change("cust-1"));
        notifier.Publish(Alarms.Change("cust-1"));

        Assert.Equal(2, Interlocked.Read(ref measured));
    }

    private static string[] Drain(AlarmNotifier notifier)
    {
        var ids = new List<string>();
        while (notifier.Reader.TryRead(out var change))
        {
            ids.Add(change.Change.Alarm.Id);
        }

        return [.. ids];
    }

    public void Dispose() => _services.Dispose();
}
