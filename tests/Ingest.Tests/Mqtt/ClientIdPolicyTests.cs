using IotService.Ingest.Mqtt;

namespace IotService.Ingest.Tests.Mqtt;

public sealed class ClientIdPolicyTests
{
    [Theory]
    [InlineData("dev-1", "dev-1", true)]
    [InlineData("dev-1/", "dev-1", true)]
    [InlineData("dev-1/gateway/2", "dev-1", true)]
    [InlineData("dev-10", "dev-1", false)]
    [InlineData("dev-1-x", "dev-1", false)]
    [InlineData("dev-", "dev-1", false)]
    [InlineData("DEV-1", "dev-1", false)]
    [InlineData("$anonymous/x", "dev-1", false)]
    [InlineData("$anonymous/x", null, true)]
    [InlineData("$anonymous/", null, true)]
    [InlineData("dev-1", null, false)]
    [InlineData("dev-1/x", null, false)]
    [InlineData("$anonymous", null, false)]
    public void AllowsADevicesOwnIdsAndAnonymousIdsOnlyUnderTheirPrefix(string clientId, string? owner, bool allowed)
    {
        Assert.Equal(allowed, ClientIdPolicy.IsAllowed(clientId, owner));
    }
}
