namespace IotService.Storage.History.Influx;

/// <summary>How InfluxDB answered one <c>/write</c>: <see cref="Error"/> is null when every line is stored.</summary>
internal readonly record struct InfluxWriteResult(int StatusCode, string? Error)
{
    public bool IsStored => Error is null;

    /// <summary>404: the database (1.x) or its mapping (2.x/3.x) is missing — a set-up problem, never a bad point.</summary>
    public bool IsDatabaseMissing => StatusCode == 404;
}
