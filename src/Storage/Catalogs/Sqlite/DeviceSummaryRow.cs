using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>Maps <see cref="DeviceSummary"/> to and from a row of <see cref="DeviceCatalogSql.Columns"/>.</summary>
internal static class DeviceSummaryRow
{
    /// <summary>Creates the upsert command once, so a batch only rebinds values.</summary>
    public static SqliteCommand CreateUpsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = DeviceCatalogSql.Upsert;
        command.Transaction = transaction;
        foreach (var name in (string[])["@id", "@name", "@model_id", "@customer_id", "@status", "@severity", "@lat", "@lon",
                     "@last_seen", "@registered_at", "@values_json", "@secret_hash", "@activation_code", "@updated_at", "@due_at"])
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    public static void Bind(SqliteCommand upsert, DeviceSummary summary)
    {
        var values = upsert.Parameters;
        values[0].Value = summary.Id;
        values[1].Value = (object?)summary.Name ?? DBNull.Value;
        values[2].Value = summary.ModelId;
        values[3].Value = (object?)summary.CustomerId ?? DBNull.Value;
        values[4].Value = (int)summary.Status;
        values[5].Value = (int)summary.Severity;
        values[6].Value = (object?)summary.Lat ?? DBNull.Value;
        values[7].Value = (object?)summary.Lon ?? DBNull.Value;
        values[8].Value = (object?)summary.LastSeen?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        values[9].Value = summary.RegisteredAt.ToUnixTimeMilliseconds();
        values[10].Value = summary.ValuesJson;
        values[11].Value = summary.SecretHash;
        values[12].Value = summary.ActivationCode;
        values[13].Value = summary.UpdatedAt.ToUnixTimeMilliseconds();
        values[14].Value = (object?)summary.DueAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
    }

    public static DeviceSummary Read(SqliteDataReader reader) => new(
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

    /// <summary>A row of a list statement: <see cref="DeviceCatalogSql.ListColumns"/>, the customer's name last.</summary>
    public static DeviceSummary ReadListed(SqliteDataReader reader) =>
        Read(reader) with { CustomerName = reader.IsDBNull(15) ? null : reader.GetString(15) };
}
