using IotService.Grains.Alarms;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Grains.Devices;
using IotService.Grains.Replay;
using IotService.Storage;
using IotService.Storage.GrainState;
using IotService.Storage.GrainState.Sqlite;
using IotService.Storage.Sqlite;
using IotService.Grains.WorkOrders;
using IotService.Rules.Kinds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IotService.Grains;

public static class GrainsHostingExtensions
{
    /// <summary>Options, the relational catalog, the rule kinds, the rules cache, replay and the sweeps the grains rely on (the silo itself is configured by the host).</summary>
    public static IHostApplicationBuilder AddGrainServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeviceOptions>().BindConfiguration(DeviceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkOrderOptions>().BindConfiguration(WorkOrderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RuleReplayOptions>().BindConfiguration(RuleReplayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSqliteCatalog();
        services.TryAddSingleton(RuleKindRegistry.Standard);
        services.AddSingleton<ModelRulesCache>();
        services.AddSingleton<RuleReplayer>();
        services.TryAddSingleton<IAlarmNotifier, NullAlarmNotifier>();
        services.AddHostedService<PresenceSweeper>();
        services.AddHostedService<RuleClock>();
        return builder;
    }
}
