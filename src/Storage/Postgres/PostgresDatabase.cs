using IotService.Storage.GrainState;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IotService.Storage.Postgres;

/// <summary>
/// The PostgreSQL database holding grain state and the catalogs when <c>Storage:Provider</c> is <c>postgres</c>: one
/// pooled <see cref="NpgsqlDataSource"/> for the hub, and the schema brought up to date once before the first
/// connection is handed out (<see cref="PostgresMigrations"/>).
/// </summary>
/// <remarks>
/// Unlike SQLite there is no group-committing writer: PostgreSQL takes concurrent writers itself, from this hub and
/// from the others sharing the database, and row locks plus the statements' ETag and updated-at conditions keep
/// them correct.
/// </remarks>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly AsyncOnce _migrations;

    public PostgresDatabase(IOptions<PostgresOptions> options, TimeProvider? timeProvider = null, ILogger<PostgresDatabase>? logger = null)
    {
        var connectionString = options.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(PostgresOptions.MissingConnectionString);
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // Names the hub's sessions in pg_stat_activity unless the operator chose a name.
        builder.ConnectionStringBuilder.ApplicationName ??= "IotService";
        DataSource = builder.Build();
        var migrator = new PostgresMigrator(DataSource, timeProvider ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        _migrations = new AsyncOnce(() => migrator.MigrateAsync(PostgresMigrations.All, CancellationToken.None));
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Applies the schema steps this database lacks; once per process, retried after a failure.</summary>
    public Task EnsureMigratedAsync(CancellationToken cancellationToken = default) => _migrations.EnsureAsync(cancellationToken);

    /// <summary>Opens a pooled connection, migrating first if this process has not yet.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
