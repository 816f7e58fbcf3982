namespace IotService.Storage;

/// <summary>
/// The shared state database (PostgreSQL) cannot be reached or is shutting down: nothing is wrong with the request, and
/// it works again once the database is back. Thrown in place of the driver's exception where a failure may cross from
/// one hub to another in a grain call, because Orleans cannot carry Npgsql's exception types (the caller got a
/// <c>CodecNotFoundException</c> instead, and the API answered 500). The driver's message is kept; the exception itself
/// is logged where it happened.
/// </summary>
[GenerateSerializer]
[Alias("IotService.Storage.StateDatabaseUnavailableException")]
public sealed class StateDatabaseUnavailableException : OrleansException
{
    public StateDatabaseUnavailableException()
    {
    }

    public StateDatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public StateDatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Stands in for <paramref name="failure"/>, which stays behind (its types do not cross hubs).</summary>
    public static StateDatabaseUnavailableException From(Exception failure)
    {
        // The driver's own words, not those of the Orleans wrapper around them.
        var driver = failure;
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException)
            {
                driver = e;
                break;
            }
        }

        return new StateDatabaseUnavailableException($"The state database is unavailable: {driver.Message}");
    }
}
