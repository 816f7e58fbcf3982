using System.Data.Common;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Storage.Catalogs.Relational;

/// <summary>
/// Maps <see cref="DeviceSummary"/> to and from a row of the <c>devices</c> table, whose columns both providers
/// list in this order. Times are unix milliseconds (UTC); enums are their integer values.
/// </summary>
internal static class DeviceSummaryRow
{
    public const string Columns =
        "id, name, model_id, customer_id, status, severity, lat, lon, last_seen, registered_at, "
        + "values_json, secret_hash, activation_code, updated_at, due_at";

    /// <summary>The upsert's parameters, in the order of <see cref="Columns"/>.</summary>
    public static readonly string[] ParameterNames =
    [
        "@id", "@name", "@model_id", "@customer_id", "@status", "@severity", "@lat", "@lon",
        "@last_seen", "@registered_at", "@values_json", "@secret_hash", "@activation_code", "@updated_at", "@due_at",
    ];

    /// <summary>The values of <see cref="ParameterNames"/>, <see cref="DBNull"/> for nulls.</summary>
    public static object[] Values(DeviceSummary summary) =>
    [
        summary.Id,
        (object?)summary.Name ?? DBNull.Value,
        summary.ModelId,
        (object?)summary.CustomerId ?? DBNull.Value,
        (int)summary.Status,
        (int)summary.Severity,
        (object?)summary.Lat ?? DBNull.Value,
        (object?)summary.Lon ?? DBNull.Value,
        (object?)summary.LastSeen?.ToUnixTimeMilliseconds() ?? DBNull.Value,
        summary.RegisteredAt.ToUnixTimeMilliseconds(),
        summary.ValuesJson,
        summary.SecretHash,
        summary.ActivationCode,
        summary.UpdatedAt.ToUnixTimeMilliseconds(),
        (object?)summary.DueAt?.ToUnixTimeMilliseconds() ?? DBNull.Value,
    ];

    public static DeviceSummary Read(DbDataReader reader) => new(
        Id: reader.GetString(0),
        Name: reader.IsDBNull(1) ? null : reader.GetString(1),
        ModelId: reader.GetString(2),
        CustomerId: reader.IsDBNull(3) ? null : reader.GetString(3),
        Status: (DeviceStatus)reader.GetInt32(4),
        Severity: (Severity)reader.GetInt32(5),
        Lat: reader.IsDBNull(6) ? null : reader.GetDouble(6),
        Lon: reader.IsDBNull(7) ? null : reader.GetDouble(7),
        LastSeen: reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        RegisteredAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        ValuesJson: reader.GetString(10),
        SecretHash: reader.GetString(11),
        ActivationCode: reader.GetString(12),
        UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
        DueAt: reader.IsDBNull(14) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)));

    /// <summary>A row of a list statement: <see cref="Columns"/>, the customer's name last.</summary>
    public static DeviceSummary ReadListed(DbDataReader reader) =>
        Read(reader) with { CustomerName = reader.IsDBNull(15) ? null : reader.GetString(15) };
}
