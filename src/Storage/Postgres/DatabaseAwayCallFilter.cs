namespace IotService.Storage.Postgres;

/// <summary>
/// Turns a grain call's "database away" failure into <see cref="StateDatabaseUnavailableException"/>, which Orleans can
/// carry to a caller on another hub; the Npgsql exception it replaces could not cross, and the caller saw a codec error
/// instead. Grain state has the same translation in the grain storage, where activation reads it.
/// </summary>
public sealed class DatabaseAwayCallFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (e is not StateDatabaseUnavailableException && PostgresFailures.IsDatabaseAway(e))
        {
            throw StateDatabaseUnavailableException.From(e);
        }
    }
}
