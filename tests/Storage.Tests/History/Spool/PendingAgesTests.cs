using IotService.Storage.History.Spool;

namespace IotService.Storage.Tests.History.Spool;

public sealed class PendingAgesTests
{
    [Fact]
    public void TheOldestAgeIsThatOfTheFirstGroupNotYetForwarded()
    {
        var ages = new PendingAges();
        ages.Add(new SpoolPosition(1, 100), 1_000);
        ages.Add(new SpoolPosition(1, 200), 2_000);
        ages.Add(new SpoolPosition(2, 50), 3_000);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000), ages.Oldest);
        ages.ForwardedTo(new SpoolPosition(1, 50));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000), ages.Oldest);
        ages.ForwardedTo(new SpoolPosition(1, 150));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2_000), ages.Oldest);
        ages.ForwardedTo(new SpoolPosition(1, 200));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(3_000), ages.Oldest);
        ages.ForwardedTo(new SpoolPosition(2, 50));
        Assert.Null(ages.Oldest);
    }

    [Fact]
    public void PastTheCapGroupsAreFoldedSoTheAgeCanOnlyBeOverstated()
    {
        var ages = new PendingAges();
        for (var i = 0; i < 5_000; i++)
        {
            ages.Add(new SpoolPosition(1, (i + 1) * 10), i);
        }

        ages.ForwardedTo(new SpoolPosition(1, 4_095 * 10));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(4_095), ages.Oldest);
        ages.ForwardedTo(new SpoolPosition(1, 4_500 * 10));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(4_095), ages.Oldest);
        ages.ForwardedTo(new SpoolPosition(1, 5_000 * 10));
        Assert.Null(ages.Oldest);
    }
}
