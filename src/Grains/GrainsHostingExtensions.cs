using IotService.Grains.Alarms;
using IotService.Grains.Devices;
using IotService.Grains.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IotService.Grains;

public static class GrainsHostingExtensions
{
    /// <summary>Options, the rules cache and the sweeps the grains rely on (the silo is configured by the host, the stores by <c>AddStorage</c>).</summary>
    public static IHostApplicationBuilder AddGrainServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DeviceOptions>().BindConfiguration(DeviceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkOrderOptions>().BindConfiguration(WorkOrderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelRulesCache>();
        services.TryAddSingleton<IAlarmNotifier, NullAlarmNotifier>();
        services.AddHostedService<PresenceSweeper>();
        services.AddHostedService<RuleClock>();
        return builder;
    }
}
