using IotService.Dashboard.Auth.Login;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Dashboard.Tests.Auth.Login;

public sealed class FailedLoginTableTests
{
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheThirdFailureInARowLocksTheKeyOutForTheLockoutTime()
    {
        var table = new FailedLoginTable(3, Lockout, 100, _time);

        Assert.Equal([null, null, Lockout], new[] { table.Fail("x"), table.Fail("x"), table.Fail("x") });
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(4), table.LockedFor("x"));
        Assert.Null(table.LockedFor("y"));
    }

    [Fact]
    public void AfterTheLockoutTheKeyStartsCountingAgain()
    {
        var table = new FailedLoginTable(2, Lockout, 100, _time);
        table.Fail("x");
        table.Fail("x");

        _time.Advance(Lockout);

        Assert.Null(table.LockedFor("x"));
        Assert.Null(table.Fail("x"));
        Assert.Equal(Lockout, table.Fail("x"));
    }

    [Fact]
    public void WhenFullTheKeyThatFailedLongestAgoIsForgotten()
    {
        var table = new FailedLoginTable(2, Lockout, 2, _time);
        table.Fail("a");
        table.Fail("b");
        table.Fail("a");
        Assert.NotNull(table.LockedFor("a"));

        table.Fail("c");

        Assert.Equal(2, table.Count);
        Assert.NotNull(table.LockedFor("a"));
        Assert.Null(table.Fail("b"));
    }

    [Fact]
    public void WithForgetAfterFailuresSpreadOverTimeDoNotAddUp()
    {
        var table = new FailedLoginTable(2, Lockout, 100, _time, forgetAfter: Lockout);
        table.Fail("x");

        _time.Advance(Lockout);

        Assert.Null(table.Fail("x"));
        Assert.Equal(Lockout, table.Fail("x"));
    }
}
