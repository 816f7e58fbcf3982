using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Grains.Alarms;
using IotService.Grains.Anomalies;
using IotService.Grains.Devices;
using IotService.Grains.Dispatching;
using IotService.Grains.Replay;
using IotService.Grains.Technicians;
using IotService.Grains.WorkOrders;
using IotService.Rules.Kinds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IotService.Grains;

public static class GrainsHostingExtensions
{
    /// <summary>
    /// Options, the rule kinds, the rules cache, replay, the sweeps and the dispatch keeper the grains rely on, and null
    /// event receivers for a host without a web front (the silo is configured by the host, the stores by <c>AddStorage</c>).
    /// </summary>
    public static IHostApplicationBuilder AddGrainServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DeviceOptions>().BindConfiguration(DeviceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkOrderOptions>().BindConfiguration(WorkOrderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RuleReplayOptions>().BindConfiguration(RuleReplayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MultivariateOptions>().BindConfiguration(MultivariateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(RuleKindRegistry.Standard);
        services.AddSingleton<ModelRulesCache>();
        services.AddSingleton<RuleReplayer>();
        services.AddSingleton<MultivariateHistory>();
        services.AddSingleton<MultivariateTraining>();
        services.TryAddSingleton<IAlarmNotifier, NullAlarmNotifier>();
        services.TryAddSingleton<IWorkOrderNotifier, NullWorkOrderNotifier>();
        services.TryAddSingleton<IDeviceDeltaNotifier, NullDeviceDeltaNotifier>();
        services.AddSingleton<DispatchInputs>();
        services.TryAddSingleton<ITechnicianNotifier, NullTechnicianNotifier>();
        services.AddSingleton<DispatchRound>();
        services.AddSingleton<OverrideQuoter>();
        services.AddSingleton<ManualAssignment>();
        services.AddHostedService<PresenceSweeper>();
        services.AddHostedService<RuleClock>();
        services.AddHostedService<MultivariateTrainingSweep>();
        services.AddHostedService<DispatchKeeper>();
        return builder;
    }
}
