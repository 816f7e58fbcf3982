using Microsoft.Extensions.Logging;
using Npgsql;

namespace IotService.Storage.Postgres;

/// <summary>
/// Brings a database up to the steps this hub knows, recording each in <c>schema_migrations</c>. Everything runs in
/// one transaction under a transaction-scoped advisory lock, so hubs starting together take turns: the first applies
/// the missing steps, the others then find them recorded and apply nothing. A failed step leaves no trace.
/// </summary>
internal sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>The advisory lock key of migrations ("IotMigr" in ASCII); advisory locks are per database.</summary>
    public const long LockKey = 0x496F_744D_6967_72;

    private const string CreateLedger =
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL);
        """;

    private readonly ILogger _logger = logger;

    /// <summary>Applies the steps of <paramref name="steps"/> the database lacks, in version order.</summary>
    /// <returns>The versions applied now; empty when the database was already up to date.</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<PostgresMigration> steps, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Taken before the ledger is read (or even created): CREATE TABLE IF NOT EXISTS itself races without it.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key);", ("@key", LockKey), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, CreateLedger, null, cancellationToken).ConfigureAwait(false);
        var recorded = await RecordedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var applied = new List<int>();
        foreach (var step in steps.Where(step => !recorded.Contains(step.Version)).OrderBy(step => step.Version))
        {
            await ExecuteAsync(connection, transaction, step.Sql, null, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at);", connection, transaction);
            record.Parameters.AddWithValue("@version", step.Version);
            record.Parameters.AddWithValue("@name", step.Name);
            record.Parameters.AddWithValue("@applied_at", timeProvider.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(step.Version);
            LogApplied(step.Version, step.Name);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var known = steps.Count == 0 ? 0 : steps.Max(step => step.Version);
        if (recorded.Count > 0 && recorded.Max() > known)
        {
            // A newer hub migrated this database (a rolling upgrade, or a rollback of this one): steps only add, so carry on.
            LogNewerSchema(recorded.Max(), known);
        }

        return applied;
    }

    private static async Task<HashSet<int>> RecordedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations;", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, (string Name, object Value)? parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (parameter is { } p)
        {
            command.Parameters.AddWithValue(p.Name, p.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied PostgreSQL schema step {Version} ({Name})")]
    private partial void LogApplied(int version, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL schema is at step {Recorded}, newer than this hub's {Known}; carrying on, as steps only add")]
    private partial void LogNewerSchema(int recorded, int known);
}
