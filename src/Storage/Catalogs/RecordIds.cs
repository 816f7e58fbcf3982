namespace IotService.Storage.Catalogs;

/// <summary>Ids of alarms and work orders: UUID v7 in "N" form, so ordering by id is ordering by creation (newest-first lists).</summary>
public static class RecordIds
{
    public static string New(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("N");
}
