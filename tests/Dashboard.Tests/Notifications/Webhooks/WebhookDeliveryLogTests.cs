using IotService.Dashboard.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Tests.Notifications.Webhooks;

public sealed class WebhookDeliveryLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static WebhookDelivery Delivery(int n, string target) =>
        new(new Guid(n, 0, 0, new byte[8]), target, "alarm.raised", Start.AddSeconds(n), [], WebhookDeliveryState.Pending);

    private static WebhookDeliveryLog Log(int size) => new(Options.Create(new WebhookOptions { DeliveryLogSize = size }));

    [Fact]
    public void TheRingKeepsTheNewestEntriesNewestFirst()
    {
        var log = Log(3);
        for (var n = 1; n <= 5; n++)
        {
            log.Add(Delivery(n, "owner"));
        }

        Assert.Equal([5, 4, 3], log.Recent(10).Select(d => (int)(d.CreatedAt - Start).TotalSeconds));
        Assert.Null(log.Find(Delivery(2, "owner").Id));
    }

    [Fact]
    public void RecentPagesBackwardsFromTheCursorEntry()
    {
        var log = Log(10);
        for (var n = 1; n <= 5; n++)
        {
            log.Add(Delivery(n, n % 2 == 0 ? "owner" : "default"));
        }

        Assert.Equal([3, 2], log.Recent(2, before: Delivery(4, "owner").Id).Select(d => (int)(d.CreatedAt - Start).TotalSeconds));
        Assert.Equal([2], log.Recent(10, "owner", Delivery(4, "owner").Id).Select(d => (int)(d.CreatedAt - Start).TotalSeconds));
        Assert.Empty(log.Recent(10, before: Delivery(1, "default").Id));
        Assert.Empty(log.Recent(10, before: Guid.NewGuid()));
    }

    [Fact]
    public void RecentHonoursTheLimitAndTheTarget()
    {
        var log = Log(10);
        log.Add(Delivery(1, "owner"));
        log.Add(Delivery(2, "customer:cust-1"));
        log.Add(Delivery(3, "owner"));
        log.Add(Delivery(4, "customer:cust-1"));

        Assert.Equal([4, 3], log.Recent(2).Select(d => (int)(d.CreatedAt - Start).TotalSeconds));
        Assert.Equal([3, 1], log.Recent(10, "owner").Select(d => (int)(d.CreatedAt - Start).TotalSeconds));
        Assert.Empty(log.Recent(0));
    }

    [Fact]
    public void UpdatingAnEntryThatFellOffTheRingChangesNothing()
    {
        var log = Log(1);
        log.Add(Delivery(1, "owner"));
        log.Add(Delivery(2, "owner"));

        Assert.Null(log.Update(Delivery(1, "owner").Id, d => d with { State = WebhookDeliveryState.Delivered }));
        Assert.Equal([WebhookDeliveryState.Pending], log.Recent(10).Select(d => d.State));
    }

    [Fact]
    public void ADroppedEntryIsMarkedAndCounted()
    {
        var log = Log(10);
        log.Add(Delivery(1, "owner"));

        log.MarkDropped(Delivery(1, "owner").Id);

        Assert.Equal(WebhookDeliveryState.Dropped, log.Find(Delivery(1, "owner").Id)!.State);
        Assert.Equal(1, log.DroppedCount);
    }
}
