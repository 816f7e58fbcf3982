namespace IotService.Storage.History.Spool;

internal enum FrameStatus
{
    /// <summary>An intact record was read.</summary>
    Read,

    /// <summary>Too few bytes remain before the limit for even a record header: the clean end.</summary>
    End,

    /// <summary>A bad length, a record running past the limit, or a CRC mismatch.</summary>
    Corrupt,
}
