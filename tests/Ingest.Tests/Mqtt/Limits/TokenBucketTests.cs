using IotService.Ingest.Mqtt.Limits;

namespace IotService.Ingest.Tests.Mqtt.Limits;

public sealed class TokenBucketTests
{
    // Timestamps in milliseconds: 10 tokens a second is one every 100 ticks.
    private const long Frequency = 1000;

    [Fact]
    public void GivesTheBurstAtOnceThenOneTokenPerInterval()
    {
        var bucket = new TokenBucket(10, 3, Frequency);
        long state = 0;

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => bucket.TryTake(ref state, 5_000)));
        Assert.False(bucket.TryTake(ref state, 5_099));
        Assert.True(bucket.TryTake(ref state, 5_100));
        Assert.False(bucket.TryTake(ref state, 5_100));
    }

    [Fact]
    public void IdleTimeRefillsNoMoreThanTheBurst()
    {
        var bucket = new TokenBucket(10, 3, Frequency);
        long state = 0;
        bucket.TryTake(ref state, 1_000);

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => bucket.TryTake(ref state, 1_000_000)));
    }

    [Fact]
    public void ReservationsBeyondTheBurstWaitOneIntervalEach()
    {
        var bucket = new TokenBucket(10, 2, Frequency);
        long state = 0;

        Assert.Equal([0L, 0L, 100L, 200L, 300L], Enumerable.Range(0, 5).Select(_ => bucket.Reserve(ref state, 7_000)));
        Assert.Equal(150L, bucket.Reserve(ref state, 7_250));
    }

    [Fact]
    public void ATokenReservedAheadIsNotFreeForSomeoneElse()
    {
        var bucket = new TokenBucket(10, 1, Frequency);
        long state = 0;
        bucket.Reserve(ref state, 0);
        bucket.Reserve(ref state, 0);

        Assert.False(bucket.TryTake(ref state, 100));
        Assert.True(bucket.TryTake(ref state, 200));
    }

    [Fact]
    public void SaysWhenTheNextTokenIsFreeWithoutTakingIt()
    {
        var bucket = new TokenBucket(10, 2, Frequency);
        long state = 0;
        bucket.TryTake(ref state, 1_000);

        Assert.Equal(0, bucket.UntilFree(ref state, 1_000));
        bucket.TryTake(ref state, 1_000);
        Assert.Equal(100, bucket.UntilFree(ref state, 1_000));
        Assert.Equal(100, bucket.UntilFree(ref state, 1_000));
        Assert.Equal(40, bucket.UntilFree(ref state, 1_060));
    }

    [Fact]
    public void ConcurrentTakersGetExactlyTheBurstBetweenThem()
    {
        var bucket = new TokenBucket(1, 50, Frequency);
        long state = 0;
        int taken = 0;

        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                if (bucket.TryTake(ref state, 42))
                {
                    Interlocked.Increment(ref taken);
                }
            }
        });

        Assert.Equal(50, taken);
    }

    [Fact]
    public void RefusesARateOrBurstThatIsNotPositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(0, 1, Frequency));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(1, 0, Frequency));
    }
}
