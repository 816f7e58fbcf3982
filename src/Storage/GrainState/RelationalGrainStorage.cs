using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace IotService.Storage.GrainState;

/// <summary>
/// Grain state in one relational table keyed by (grain type + state name, grain key), with an ETag per row
/// for optimistic concurrency (SPEC §3). The database specifics live in <see cref="IRelationalStorageDialect"/>.
/// </summary>
public sealed class RelationalGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly IRelationalStorageDialect _dialect;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly TimeProvider _timeProvider;
    private readonly AsyncOnce _schema;

    public RelationalGrainStorage(
        string name,
        IRelationalStorageDialect dialect,
        IGrainStorageSerializer serializer,
        IActivatorProvider activators,
        TimeProvider timeProvider)
    {
        _name = name;
        _dialect = dialect;
        _serializer = serializer;
        _activators = activators;
        _timeProvider = timeProvider;
        _schema = new AsyncOnce(() => _dialect.EnsureSchemaAsync(CancellationToken.None));
    }

    /// <summary>
    /// The storage a silo registers under <paramref name="name"/> (the second argument of <c>[PersistentState]</c>).
    /// Same serializer choice as Orleans' own providers: one registered under the provider's name, else the silo-wide default.
    /// </summary>
    public static RelationalGrainStorage Create(IServiceProvider services, string name, IRelationalStorageDialect dialect)
    {
        var serializer = services.GetKeyedService<IGrainStorageSerializer>(name)
            ?? services.GetRequiredService<IGrainStorageSerializer>();
        return ActivatorUtilities.CreateInstance<RelationalGrainStorage>(services, name, dialect, serializer);
    }

    /// <summary>Creates the table while the silo starts, so a bad path or database fails start-up, not the first grain.</summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(RelationalGrainStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, _schema.EnsureAsync);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        TranslatingAsync(ReadStateAsyncCore(stateName, grainId, grainState, cancellationToken));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        TranslatingAsync(WriteStateAsyncCore(stateName, grainId, grainState, cancellationToken));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        TranslatingAsync(ClearStateAsyncCore(stateName, grainId, grainState, cancellationToken));

    /// <summary>
    /// A database that is away becomes <see cref="StateDatabaseUnavailableException"/>: Orleans passes an
    /// <see cref="OrleansException"/> on unwrapped, so it reaches a caller on another hub as itself (the driver's own
    /// exception could not be carried there; its message is kept).
    /// </summary>
    private async Task TranslatingAsync(Task operation)
    {
        try
        {
            await operation.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not StateDatabaseUnavailableException && _dialect.IsUnavailable(e))
        {
            throw StateDatabaseUnavailableException.From(e);
        }
    }

    private async Task ReadStateAsyncCore<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = new StateKey(stateName, grainId);
        var row = await ReadRowAsync(key, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = _serializer.Deserialize<T>(new BinaryData(row.Value.Payload)) ?? CreateInstance<T>();
        grainState.ETag = row.Value.ETag;
        grainState.RecordExists = true;
    }

    private async Task WriteStateAsyncCore<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = new StateKey(stateName, grainId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        var expected = grainState.ETag;
        var newETag = Guid.NewGuid().ToString("N");
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var updatedAt = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var sql = expected is null ? _dialect.InsertSql : _dialect.UpdateSql;

        var rows = await _dialect.WriteAsync(
            (connection, transaction) => Execute(connection, transaction, sql, key,
                ("@payload", payload), ("@etag", expected), ("@new_etag", newETag), ("@updated_at", updatedAt)),
            cancellationToken).ConfigureAwait(false);
        if (rows == 0)
        {
            throw await ConflictAsync(nameof(WriteStateAsync), key, expected, cancellationToken).ConfigureAwait(false);
        }

        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    private async Task ClearStateAsyncCore<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = new StateKey(stateName, grainId);
        var expected = grainState.ETag;
        if (expected is null)
        {
            // Nothing of ours to delete; only a row someone else wrote meanwhile is a conflict.
            if (await ReadRowAsync(key, cancellationToken).ConfigureAwait(false) is { } row)
            {
                throw Conflict(nameof(ClearStateAsync), key, row.ETag, expected);
            }
        }
        else
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var rows = await _dialect.WriteAsync(
                (connection, transaction) => Execute(connection, transaction, _dialect.DeleteSql, key, ("@etag", expected)),
                cancellationToken).ConfigureAwait(false);
            if (rows == 0)
            {
                throw await ConflictAsync(nameof(ClearStateAsync), key, expected, cancellationToken).ConfigureAwait(false);
            }
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<(byte[] Payload, string ETag)?> ReadRowAsync(StateKey key, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dialect.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, _dialect.ReadSql, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return ((byte[])reader.GetValue(0), reader.GetString(1));
    }

    private async Task<InconsistentStateException> ConflictAsync(string operation, StateKey key, string? expected, CancellationToken cancellationToken)
    {
        // Re-read only on this rare path, so the exception can say what the store holds.
        var row = await ReadRowAsync(key, cancellationToken).ConfigureAwait(false);
        return Conflict(operation, key, row?.ETag, expected);
    }

    private InconsistentStateException Conflict(string operation, StateKey key, string? stored, string? expected) =>
        new($"Version conflict ({operation}): provider {_name}, grain type {key.GrainType}, grain {key.GrainKey}: "
            + $"stored ETag {stored ?? "(none)"}, expected {expected ?? "(none)"}.", stored, expected);

    private T CreateInstance<T>() => _activators.GetActivator<T>().Create();

    private static int Execute(
        DbConnection connection, DbTransaction transaction, string sql, StateKey key, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, key, parameters);
        return command.ExecuteNonQuery();
    }

    private static DbCommand Command(
        DbConnection connection, DbTransaction? transaction, string sql, StateKey? key, ReadOnlySpan<(string Name, object? Value)> parameters = default)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        if (key is { } stateKey)
        {
            AddParameter(command, "@grain_type", stateKey.GrainType);
            AddParameter(command, "@grain_id", stateKey.GrainKey);
        }

        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return command;
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
