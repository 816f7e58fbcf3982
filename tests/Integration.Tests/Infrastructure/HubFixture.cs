namespace IotService.Integration.Tests.Infrastructure;

/// <summary>One hub shared by the tests of the "hub" collection, with a chiller model and two customers.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubHost.StartAsync();
        await Hub.CreateChillerModelAsync();
        await Hub.CreateCustomerAsync("cust-a");
        await Hub.CreateCustomerAsync("cust-b");
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>A fresh device id, so tests never see each other's readings.</summary>
    public static string NewDeviceId(string prefix = "dev") => $"{prefix}-{Guid.NewGuid():N}"[..20];
}

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "hub";
}
