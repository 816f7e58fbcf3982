using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications.Webhooks;

public static class WebhookHostingExtensions
{
    /// <summary>
    /// Signed webhook delivery to configured targets (configuration section <c>Webhooks</c>):
    /// <see cref="WebhookDispatcher"/> to enqueue, <see cref="WebhookDeliveryLog"/> to inspect.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IConfiguration>(WebhookTargetsBinder.Apply);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookTargetsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookDeliveryLog>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookDeliveryService.HttpClientName)
            .ConfigureHttpClient((sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds));
        services.AddHostedService<WebhookDeliveryService>();
        return builder;
    }
}
