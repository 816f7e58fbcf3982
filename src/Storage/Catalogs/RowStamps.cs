namespace IotService.Storage.Catalogs;

/// <summary>Update times for catalog rows, which are replaced only by newer ones.</summary>
public static class RowStamps
{
    /// <summary><paramref name="now"/>, or a millisecond after <paramref name="previous"/> when two changes fall within one clock tick.</summary>
    public static DateTimeOffset Later(DateTimeOffset previous, DateTimeOffset now) =>
        now > previous ? now : previous.AddTicks(TimeSpan.TicksPerMillisecond);
}
