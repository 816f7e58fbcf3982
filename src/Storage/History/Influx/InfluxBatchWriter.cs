using Microsoft.Extensions.Logging;

namespace IotService.Storage.History.Influx;

/// <summary>
/// Writes points in batches of at most <see cref="InfluxOptions.BatchSize"/> lines, each one gzip-compressed
/// request. Bad points do not stop the good ones: they are left out (or refused by InfluxDB) and
/// reported together, after everything else has been sent.
/// </summary>
internal sealed partial class InfluxBatchWriter(InfluxConnection connection, int batchSize, Func<CancellationToken, Task> setUpAgainAsync, ILogger logger)
{
    // Keeps a request far below InfluxDB 1.x's default max-body-size (25 MB) even with very long names.
    private const int MaxBatchBytes = 8 << 20;

    private readonly int _batchSize = Math.Max(1, batchSize);

    public async Task WriteAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken)
    {
        // About 150 bytes a line for four values: rarely grown, never rented bigger than needed.
        using var buffer = new PooledBufferWriter(Math.Clamp(Math.Min(points.Count, _batchSize) * 160, 4096, MaxBatchBytes));
        var lines = 0;
        var refused = 0;
        string? firstProblem = null;
        InfluxWriteResult? rejection = null;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.Values.Length == 0)
            {
                continue;
            }

            if (LineProtocolRules.FindProblem(point) is { } problem)
            {
                refused++;
                firstProblem ??= problem;
                continue;
            }

            LineProtocolWriter.Write(buffer, point);
            if (++lines >= _batchSize || buffer.WrittenCount >= MaxBatchBytes)
            {
                var result = await SendAsync(buffer, lines, cancellationToken);
                rejection ??= result;
                buffer.Clear();
                lines = 0;
            }
        }

        if (lines > 0)
        {
            var result = await SendAsync(buffer, lines, cancellationToken);
            rejection ??= result;
        }

        if (refused > 0 || rejection is not null)
        {
            throw Rejected(points.Count, refused, firstProblem, rejection);
        }
    }

    private async Task<InfluxWriteResult?> SendAsync(PooledBufferWriter buffer, int lines, CancellationToken cancellationToken)
    {
        var result = await connection.WriteAsync(buffer.WrittenMemory, cancellationToken);
        if (result.IsDatabaseMissing)
        {
            // Dropped behind the store's back, or never created: set up again, once.
            await setUpAgainAsync(cancellationToken);
            result = await connection.WriteAsync(buffer.WrittenMemory, cancellationToken);
            if (result.IsDatabaseMissing)
            {
                throw new HistoryStoreUnavailableException($"InfluxDB has no database '{connection.Database}': {result.Error}");
            }
        }

        if (result.IsStored)
        {
            return null;
        }

        LogBatchRefused(lines, result.StatusCode, result.Error!);
        return result;
    }

    private HistoryWriteRejectedException Rejected(int total, int refused, string? firstProblem, InfluxWriteResult? rejection)
    {
        var reasons = new List<string>(2);
        if (refused > 0)
        {
            LogPointsRefused(refused, total, firstProblem!);
            reasons.Add($"{refused} of {total} points cannot be stored in InfluxDB, e.g. {firstProblem}");
        }

        if (rejection is { } server)
        {
            reasons.Add($"InfluxDB refused lines ({server.StatusCode}): {server.Error}");
        }

        return new HistoryWriteRejectedException(string.Join("; ", reasons), refused, rejection?.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Refused} of {Total} history points cannot be stored in InfluxDB, e.g. {Problem}")]
    private partial void LogPointsRefused(int refused, int total, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB refused (some of) a batch of {Lines} lines with {Status}: {Error}")]
    private partial void LogBatchRefused(int lines, int status, string error);
}
