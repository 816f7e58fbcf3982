using IotService.Dashboard.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Tests.Demo;

public sealed class DemoHostingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "demo-hosting-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ADisabledDemoStartsAndStopsWithoutCreatingAKey()
    {
        using var host = BuildHost(new() { ["Storage:Path"] = _folder });

        await host.StartAsync();
        await host.StopAsync();

        Assert.False(host.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled);
        Assert.Equal(new DemoStatsSnapshot(0, 0, 0, 0, 0, 0, 0, 0, null), host.Services.GetRequiredService<DemoStats>().Snapshot());
        Assert.False(File.Exists(Path.Combine(_folder, DemoSecrets.KeyFileName)));
    }

    [Fact]
    public void OptionsAreReadFromTheDemoSection()
    {
        using var host = BuildHost(new() { ["Demo:DeviceCount"] = "1000", ["Demo:PublishIntervalSeconds"] = "2", ["Demo:Seed"] = "7" });

        var options = host.Services.GetRequiredService<IOptions<DemoOptions>>().Value;

        Assert.Equal((1000, 2.0, 7, 0.02), (options.DeviceCount, options.PublishIntervalSeconds, options.Seed, options.FaultProbability));
        Assert.Equal(1000, host.Services.GetRequiredService<DemoFleet>().Devices.Count);
    }

    [Fact]
    public void DevicesIsTheShorthandForTheFleetSizeAndWinsOverDeviceCount()
    {
        using var host = BuildHost(new() { ["Demo:DeviceCount"] = "50", ["Demo:Devices"] = "2000" });

        var options = host.Services.GetRequiredService<IOptions<DemoOptions>>().Value;

        Assert.Equal(2000, options.FleetSize);
        Assert.Equal(2000, host.Services.GetRequiredService<DemoFleet>().Devices.Count);
    }

    [Fact]
    public void ASmallFleetKeepsItsIntervalAndFaultRateWhileALargeOneKeepsToTheFleetWideRates()
    {
        var options = new DemoOptions();

        Assert.Equal((300, 5.0, 0.02), (options.FleetSize, options.PublishIntervalFor(300).TotalSeconds, options.FaultProbabilityFor(300)));
        Assert.Equal(50.0, options.PublishIntervalFor(100_000).TotalSeconds);
        Assert.Equal(120.0 / 100_000, options.FaultProbabilityFor(100_000), 12);
    }

    [Fact]
    public async Task AnInvalidDeviceCountStopsTheHostAtStart()
    {
        using var host = BuildHost(new() { ["Demo:DeviceCount"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("DeviceCount", error.Message);
    }

    [Theory]
    [InlineData("0.0.0.0", "127.0.0.1")]
    [InlineData("", "127.0.0.1")]
    [InlineData("::", "::1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("broker.example", "broker.example")]
    public void TheSimulatorReachesAWildcardBindAddressOverLoopback(string configured, string connectedTo)
    {
        Assert.Equal(connectedTo, DeviceSimulator.BrokerHost(configured));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDemo();
        return builder.Build();
    }
}
