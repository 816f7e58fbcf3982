using IotService.Ingest.Diagnostics;
using IotService.Ingest.Directory;
using IotService.Ingest.HistoryWriting;
using IotService.Ingest.Mqtt;
using IotService.Ingest.Mqtt.Accounts;
using IotService.Ingest.Mqtt.External;
using IotService.Ingest.Mqtt.Limits;
using IotService.Ingest.Mqtt.Tls;
using IotService.Ingest.Mqtt.Transport;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IotService.Ingest;

public static class IngestHostingExtensions
{
    /// <summary>MQTT (embedded broker or external subscriber, per <c>Mqtt:Mode</c>), validation, queue and pump.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Mode != "external" || o.DeviceAccounts != "dynsec" || !string.IsNullOrEmpty(o.Username), "Mqtt:DeviceAccounts=dynsec needs Mqtt:Username and Mqtt:Password: the dynamic-security admin the hub connects as.")
            .ValidateOnStart();
        services.AddOptions<MqttTlsOptions>().BindConfiguration(MqttTlsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<DeviceDirectory>();
        // Several hubs: a device registered on another may speak here before this directory hears of it.
        var clustered = !string.Equals(builder.Configuration["Orleans:Clustering"] ?? "localhost", "localhost", StringComparison.OrdinalIgnoreCase);
        if (clustered)
        {
            services.AddSingleton<IDirectoryFallback, CatalogDirectoryFallback>();
        }
        else
        {
            services.AddSingleton<IDirectoryFallback, NoDirectoryFallback>();
        }

        services.AddSingleton<IngestStats>();
        services.AddSingleton<IngestRates>();
        services.AddSingleton<RejectLog>();
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<IngestProcessor>();
        services.AddSingleton<GrainDelivery>();
        services.AddSingleton<BrokerState>();
        services.AddSingleton<MqttNetLoggerAdapter>();
        services.AddHistoryWriter();
        services.AddHostedService<IngestPump>();

        var mode = builder.Configuration[$"{MqttOptions.SectionName}:{nameof(MqttOptions.Mode)}"] ?? "embedded";
        if (string.Equals(mode, "external", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService<ExternalBrokerSubscriber>();
            if (string.Equals(builder.Configuration[$"{MqttOptions.SectionName}:{nameof(MqttOptions.DeviceAccounts)}"] ?? "dynsec", "dynsec", StringComparison.OrdinalIgnoreCase))
            {
                services.AddSingleton<DynamicSecurityClient>();
                services.AddSingleton<IBrokerAccounts, DynamicSecurityAccounts>();
            }
            else
            {
                services.AddSingleton<IBrokerAccounts, NoBrokerAccounts>();
            }
        }
        else
        {
            services.AddSingleton<IBrokerAccounts, NoBrokerAccounts>();
            services.AddSingleton<ConnectionLimiter>();
            services.AddSingleton<ConnectionRefusalLog>();
            services.AddSingleton<DeviceRateLimiter>();
            services.AddSingleton<BrokerTransport>();
            services.AddSingleton<ConnectionValidator>();
            services.AddSingleton<PublishHandler>();
            services.AddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        return builder;
    }
}
