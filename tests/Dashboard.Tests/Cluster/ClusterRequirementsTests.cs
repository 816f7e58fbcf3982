using IotService.Dashboard.Cluster;
using Microsoft.Extensions.Configuration;

namespace IotService.Dashboard.Tests.Cluster;

public sealed class ClusterRequirementsTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["Orleans:Clustering"] = "redis",
        ["ConnectionStrings:Redis"] = "127.0.0.1:6379",
        ["Storage:Provider"] = "postgres",
        ["History:Store"] = "influx",
    };

    [Theory]
    [InlineData("ConnectionStrings:Redis", "", "ConnectionStrings:Redis")]
    [InlineData("Storage:Provider", "sqlite", "Storage:Provider=postgres")]
    [InlineData("History:Store", "sqlite", "History:Store=influx")]
    [InlineData("Orleans:Clustering", "consul", "'consul' is not known")]
    public void AClusterMissingASharedStoreIsRefusedWithTheSettingToChange(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>(Complete) { [key] = value };

        var refused = Assert.Throws<InvalidOperationException>(() => Check(settings));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterWithEveryStoreSharedStarts() => Check(Complete);

    [Fact]
    public void OneHubNeedsNoSharedStore() => Check(new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite" });

    private static void Check(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var cluster = config.GetSection(HubClusterOptions.SectionName).Get<HubClusterOptions>() ?? new HubClusterOptions();
        ClusterRequirements.Check(config, cluster, config["Storage:Provider"] ?? "sqlite");
    }
}
