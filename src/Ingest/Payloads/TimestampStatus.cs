namespace IotService.Ingest.Payloads;

/// <summary>How reading a <c>ts</c> member went.</summary>
internal enum TimestampStatus
{
    Valid = 0,

    /// <summary>JSON null: treated like a missing <c>ts</c>.</summary>
    Absent = 1,

    /// <summary>Neither a string nor a number nor null.</summary>
    WrongType = 2,

    /// <summary>A string that is not ISO 8601, or a number beyond the representable dates.</summary>
    Unparsable = 3,

    TooOld = 4,

    TooNew = 5,
}
