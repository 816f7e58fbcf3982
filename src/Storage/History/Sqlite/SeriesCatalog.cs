using Microsoft.Data.Sqlite;

namespace IotService.Storage.History.Sqlite;

/// <summary>
/// The writer's in-memory copy of the <c>series</c> table: turns (device, property) into a series id without
/// a query per value. Only the writer thread uses it, inside the writer's transaction.
/// </summary>
internal sealed class SeriesCatalog
{
    private readonly Dictionary<string, DeviceSeries> _devices = new(StringComparer.Ordinal);

    /// <summary>The device's entry, created or with its model and customer updated when they changed.</summary>
    public DeviceSeries Device(HistoryPoint point, SqliteTransaction transaction)
    {
        if (!_devices.TryGetValue(point.DeviceId, out var device))
        {
            device = new DeviceSeries(point.ModelId, point.CustomerId);
            _devices.Add(point.DeviceId, device);
        }
        else if (device.ModelId != point.ModelId || device.CustomerId != point.CustomerId)
        {
            Execute(transaction, "UPDATE series SET model = $model, customer = $customer WHERE device = $device", point, property: null);
            device.ModelId = point.ModelId;
            device.CustomerId = point.CustomerId;
        }

        return device;
    }

    public long SeriesId(HistoryPoint point, DeviceSeries device, string property, SqliteTransaction transaction)
    {
        if (!device.Properties.TryGetValue(property, out var id))
        {
            const string Insert = "INSERT INTO series (device, property, model, customer) VALUES ($device, $property, $model, $customer) RETURNING id";
            id = Execute(transaction, Insert, point, property);
            device.Properties.Add(property, id);
        }

        return id;
    }

    /// <summary>Reads the table again: after a rollback, ids handed out in that transaction no longer exist.</summary>
    public void Load(SqliteConnection connection)
    {
        _devices.Clear();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, device, property, model, customer FROM series";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var deviceId = reader.GetString(1);
            if (!_devices.TryGetValue(deviceId, out var device))
            {
                device = new DeviceSeries(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                _devices.Add(deviceId, device);
            }

            device.Properties.Add(reader.GetString(2), reader.GetInt64(0));
        }
    }

    private static long Execute(SqliteTransaction transaction, string sql, HistoryPoint point, string? property)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$device", point.DeviceId);
        if (property is not null)
        {
            command.Parameters.AddWithValue("$property", property);
        }

        command.Parameters.AddWithValue("$model", point.ModelId);
        command.Parameters.AddWithValue("$customer", (object?)point.CustomerId ?? DBNull.Value);
        return command.ExecuteScalar() is long id ? id : 0;
    }
}
