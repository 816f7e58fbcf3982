namespace IotService.Storage.Tests.History.Sqlite;

/// <summary>One row of <c>telemetry_hourly</c> as a test reads it back.</summary>
internal sealed record RollupRow(string Device, string Property, DateTimeOffset Hour, double Sum, double Min, double Max, long Count);
