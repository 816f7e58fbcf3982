using Microsoft.Extensions.Hosting;

namespace IotService.Storage.Postgres;

/// <summary>Migrates the database while the host starts, so an unreachable server or a refused step fails start-up, not the first request.</summary>
internal sealed class PostgresMigrationService(PostgresDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
