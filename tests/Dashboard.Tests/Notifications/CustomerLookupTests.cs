using IotService.Contracts.Customers;
using IotService.Dashboard.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotService.Dashboard.Tests.Notifications;

public sealed class CustomerLookupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static Task<CustomerDefinition?> FindAsync(string? customerId, Func<string, Task<CustomerDefinition?>> lookup, TimeSpan? timeout = null)
        => AlarmNotificationService.FindCustomerAsync("alarm-1", customerId, lookup, timeout ?? Timeout, NullLogger.Instance, CancellationToken.None);

    [Fact]
    public async Task TheAlarmsCustomerIsLookedUpByItsId()
    {
        var looked = new List<string>();

        var customer = await FindAsync("cust-1", id =>
        {
            looked.Add(id);
            return Task.FromResult<CustomerDefinition?>(new CustomerDefinition(id, "Acme", Owner: "alice"));
        });

        Assert.Equal(["cust-1"], looked);
        Assert.Equal("alice", customer?.Owner);
    }

    [Fact]
    public async Task AnAlarmWithoutACustomerLooksNothingUp()
    {
        var customer = await FindAsync(null, _ => throw new InvalidOperationException("must not be called"));

        Assert.Null(customer);
    }

    [Fact]
    public async Task ALookupThatThrowsGivesNoCustomerInsteadOfFailingTheChange()
    {
        var customer = await FindAsync("cust-1", _ => Task.FromException<CustomerDefinition?>(new TimeoutException("silo unavailable")));

        Assert.Null(customer);
    }

    [Fact]
    public async Task ALookupThatThrowsSynchronouslyGivesNoCustomer()
    {
        var customer = await FindAsync("cust-1", _ => throw new InvalidOperationException("grain factory not ready"));

        Assert.Null(customer);
    }

    [Fact]
    public async Task ALookupThatNeverAnswersGivesNoCustomerAfterTheTimeout()
    {
        var never = new TaskCompletionSource<CustomerDefinition?>();

        var customer = await FindAsync("cust-1", _ => never.Task, TimeSpan.FromMilliseconds(20));

        Assert.Null(customer);
    }
}
