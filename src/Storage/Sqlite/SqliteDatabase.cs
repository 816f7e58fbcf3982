using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IotService.Storage.Sqlite;

/// <summary>
/// The SQLite file holding grain state and the catalogs (<see cref="StorageOptions.StateDatabaseFile"/>):
/// pooled connections for reads and one group-committing writer for every write.
/// </summary>
/// <remarks>
/// Grain state and summary rows share the file on purpose: SQLite has one writer per file, and a single
/// <see cref="GroupCommit{TSession}"/> for both commits a device's state and its summary in one fsync
/// instead of two writers contending for the same lock.
/// </remarks>
public sealed partial class SqliteDatabase : IGroupCommitTarget<ConnectionWriteSession>, IAsyncDisposable
{
    /// <summary>Most writes per transaction: keeps one commit to a few ms, so the next group starts soon.</summary>
    private const int MaxBatchSize = 512;
    private const int BusyTimeoutMilliseconds = 10_000;

    // Keeps planner statistics current as the fleet grows, so a list filtered by customer walks the
    // customer index rather than the far less selective status index. Cheap when little changed.
    private const string Optimize = "PRAGMA analysis_limit = 1000; PRAGMA optimize;";
    private static readonly TimeSpan OptimizeInterval = TimeSpan.FromMinutes(5);

    // FULL, not NORMAL: in WAL mode NORMAL skips the fsync per commit and may drop the last commits on
    // power loss or an OS crash; a grain whose write returned must find that state again (SPEC §10).
    // Group commit is what makes paying one fsync per commit affordable.
    private static readonly string ConnectionPragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";

    private readonly string _connectionString;
    private readonly GroupCommit<ConnectionWriteSession> _writer;
    private readonly ITimer _optimizeTimer;
    private readonly ILogger _logger;
    private ConnectionWriteSession? _session;

    public SqliteDatabase(IOptions<StorageOptions> options, TimeProvider? timeProvider = null, ILogger<SqliteDatabase>? logger = null)
    {
        var file = System.IO.Path.GetFullPath(options.Value.StateDatabaseFile);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        FilePath = file;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _writer = new GroupCommit<ConnectionWriteSession>(this, MaxBatchSize, _logger);
        _optimizeTimer = (timeProvider ?? TimeProvider.System).CreateTimer(
            _ => _ = OptimizeAsync(), null, OptimizeInterval, OptimizeInterval);
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a pooled connection for reading; WAL lets any number of them read while the writer commits.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Execute(connection, ConnectionPragmas);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the single writer connection, inside a transaction it may share with
    /// other writes; completes with its result once durable. See <see cref="GroupCommit{TSession}.WriteAsync"/>.
    /// </summary>
    public async Task<int> WriteAsync(Func<SqliteConnection, SqliteTransaction, int> work, CancellationToken cancellationToken = default) =>
        (int)await _writer.WriteAsync(session => work(session.Connection, session.Transaction), 1, cancellationToken).ConfigureAwait(false);

    /// <summary>The writer connection, replaced on the next group when it broke rather than retried forever.</summary>
    async ValueTask<ConnectionWriteSession> IGroupCommitTarget<ConnectionWriteSession>.SessionAsync()
    {
        if (_session is { IsBroken: true })
        {
            await _session.DisposeAsync().ConfigureAwait(false);
            _session = null;
        }

        return _session ??= new ConnectionWriteSession(await OpenWriterAsync(CancellationToken.None).ConfigureAwait(false));
    }

    /// <summary>Runs statements without parameters (idempotent DDL, pragmas) through the writer.</summary>
    public Task ExecuteAsync(string sql, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) => Execute(connection, sql, transaction), cancellationToken);

    /// <summary>Commits queued writes, closes the writer and releases pooled handles on the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _optimizeTimer.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
        }

        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Refreshes planner statistics (<c>PRAGMA optimize</c>) through the writer; also runs every few minutes.</summary>
    public async Task OptimizeAsync()
    {
        try
        {
            await ExecuteAsync(Optimize).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DbException or ObjectDisposedException)
        {
            // Statistics only steer query plans; failing to refresh them must not take anything down.
            LogOptimizeFailed(exception);
        }
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Persistent in the file; set by the writer so it is in force before the first write.
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA optimize = 0x10002;");
        return connection;
    }

    private static int Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing SQLite planner statistics failed")]
    private partial void LogOptimizeFailed(Exception exception);
}
