namespace IotService.Storage.Catalogs;

/// <summary>Orders of the device list.</summary>
public enum DeviceSort
{
    /// <summary>By device id (ordinal, ascending).</summary>
    Id = 0,

    /// <summary>
    /// Highest active alarm severity first, then by device id: the dispatcher console's default. Id, not last
    /// seen, breaks ties, so a row moves only when its severity changes, not with every reading.
    /// </summary>
    Worst = 1,
}
