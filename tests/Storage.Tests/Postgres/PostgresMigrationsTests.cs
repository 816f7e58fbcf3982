using System.Diagnostics;
using IotService.Storage.Postgres;
using IotService.TestSupport.History;
using IotService.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IotService.Storage.Tests.Postgres;

/// <summary>The versioned schema: each step applied once per database, recorded, and safe when hubs start together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationsTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);
    private readonly List<NpgsqlDataSource> _sources = [];
    private string _connectionString = "";
    private NpgsqlDataSource? _reader;

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFreshDatabaseGetsEveryStepRecordedWithItsVersionNameAndTime()
    {
        var applied = await Migrator().MigrateAsync(PostgresMigrations.All, default);

        Assert.Equal([1, 2, 3, 4, 5], applied);
        Assert.Equal(PostgresMigrations.All.Select(step => (step.Version, step.Name, T0)), await RecordedAsync());
        Assert.Equal(["alarms", "devices", "documents", "grain_state", "schema_migrations", "work_orders"], await TablesAsync());
    }

    [Fact]
    public async Task MigratingAgainAppliesNothingAndKeepsTheRecords()
    {
        await Migrator().MigrateAsync(PostgresMigrations.All, default);
        var before = await RecordedAsync();
        _time.Advance(TimeSpan.FromHours(1));

        var again = await Migrator().MigrateAsync(PostgresMigrations.All, default);

        Assert.Empty(again);
        Assert.Equal(before, await RecordedAsync());
    }

    [Fact]
    public async Task AStepAddedLaterIsAppliedAloneOnTheNextStart()
    {
        await Migrator().MigrateAsync(PostgresMigrations.All, default);
        _time.Advance(TimeSpan.FromDays(30));

        var applied = await Migrator().MigrateAsync([.. PostgresMigrations.All, new(6, "later", "CREATE TABLE later (id integer);")], default);

        Assert.Equal([6], applied);
        Assert.Equal((6, "later", T0.AddDays(30)), (await RecordedAsync())[^1]);
    }

    [Fact]
    public async Task AFailingStepLeavesNoTableAndNoRecordBehind()
    {
        var broken = new PostgresMigration(6, "broken", "CREATE TABLE broken (id no_such_type);");

        await Assert.ThrowsAsync<PostgresException>(() => Migrator().MigrateAsync([.. PostgresMigrations.All, broken], default));

        Assert.Empty(await TablesAsync());
    }

    [Fact]
    public async Task TwoHubsStartingAtOnceWaitForEachOtherAndApplyEachStepOnce()
    {
        // Holding the lock makes both hubs queue on it, so they really do start together.
        await using var holder = await Source().OpenConnectionAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresMigrator.LockKey});", holder, holding))
        {
            await take.ExecuteNonQueryAsync();
        }

        var first = Migrator().MigrateAsync(PostgresMigrations.All, default);
        var second = Migrator().MigrateAsync(PostgresMigrations.All, default);
        await WaitForAsync(async () => await WaitingForTheLockAsync() == 2, "both hubs waiting for the migration lock");
        await holding.CommitAsync();
        var applied = await Task.WhenAll(first, second).WaitAsync(TestTimeout.Signal);

        Assert.Equal([0, 5], applied.Select(versions => versions.Count).Order());
        Assert.Equal([1, 2, 3, 4, 5], (await RecordedAsync()).Select(row => row.Version));
    }

    private PostgresMigrator Migrator() => new(Source(), _time, NullLogger.Instance);

    /// <summary>A data source of its own, as each hub has.</summary>
    private NpgsqlDataSource Source()
    {
        var source = NpgsqlDataSource.Create(_connectionString);
        _sources.Add(source);
        return source;
    }

    private async Task<List<(int Version, string Name, DateTimeOffset AppliedAt)>> RecordedAsync() =>
        await QueryAsync(
            "SELECT version, name, applied_at FROM schema_migrations ORDER BY version;",
            reader => (reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));

    private async Task<List<string>> TablesAsync() =>
        await QueryAsync("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename;", reader => reader.GetString(0));

    private async Task<long> WaitingForTheLockAsync() =>
        (await QueryAsync(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database());",
            reader => reader.GetInt64(0)))[0];

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = (_reader ??= Source()).CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Polls an observable outcome for a bounded time; never a fixed sleep.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > TestTimeout.Signal)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
