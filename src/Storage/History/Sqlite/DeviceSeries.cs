namespace IotService.Storage.History.Sqlite;

/// <summary>The series ids of one device by property, and the model and customer last written for it.</summary>
internal sealed class DeviceSeries(string modelId, string? customerId)
{
    public string ModelId { get; set; } = modelId;

    public string? CustomerId { get; set; } = customerId;

    public Dictionary<string, long> Properties { get; } = new(StringComparer.Ordinal);
}
