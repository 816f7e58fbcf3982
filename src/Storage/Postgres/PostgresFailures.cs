using Npgsql;

namespace IotService.Storage.Postgres;

/// <summary>Which PostgreSQL failures mean the database is away for now, rather than a bad statement or data.</summary>
public static class PostgresFailures
{
    /// <summary>
    /// A failure of the connection itself, or a server error of class 08 (connection), 53 (resources) or 57P (operator
    /// intervention: a server stopping cuts its open connections with 57P01), anywhere in the chain of inner exceptions
    /// (Orleans wraps a grain-state failure in its own exception).
    /// </summary>
    public static bool IsDatabaseAway(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StateDatabaseUnavailableException:
                case PostgresException server when server.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || server.SqlState.StartsWith("53", StringComparison.Ordinal) || server.SqlState.StartsWith("57P", StringComparison.Ordinal):
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
