using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IotService.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared <see cref="PostgresDatabase"/> that grain state and the catalogs use, migrated while the host
    /// starts. Its connection string is <c>ConnectionStrings:Postgres</c> unless <see cref="PostgresOptions"/> is
    /// configured otherwise; a host refuses to start without one. Idempotent.
    /// </summary>
    public static IServiceCollection AddPostgresStateDatabase(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(PostgresDatabase)))
        {
            return services;
        }

        services.AddOptions<PostgresOptions>()
            .Configure<IServiceProvider>((options, provider) => options.ConnectionString ??=
                provider.GetService<IConfiguration>()?.GetConnectionString(PostgresOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PostgresDatabase>();
        services.AddHostedService<PostgresMigrationService>();
        return services;
    }
}
