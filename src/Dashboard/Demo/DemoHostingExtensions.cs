using IotService.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Demo;

public static class DemoHostingExtensions
{
    /// <summary>
    /// The demo fleet and simulator (configuration section <c>Demo</c>). Always registered; it
    /// does nothing unless <c>Demo:Enabled</c> is true when the hub starts, so configuration
    /// applied late (tests, command line) still decides.
    /// </summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DemoStats>();
        services.TryAddSingleton(sp =>
        {
            var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
            return DemoFleet.Create(demo.Seed, demo.FleetSize);
        });
        services.TryAddSingleton(sp => DemoSecrets.LoadOrCreate(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
        services.TryAddSingleton<DemoSeeder>();
        services.TryAddSingleton<DemoUsers>();
        services.TryAddSingleton<IDirectIngest, IngestProcessorGateway>();
        services.AddHostedService<DeviceSimulator>();
        return builder;
    }
}
