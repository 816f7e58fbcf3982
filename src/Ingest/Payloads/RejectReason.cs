namespace IotService.Ingest.Payloads;

/// <summary>Why a message or a reading was not accepted. Each is counted separately.</summary>
public enum RejectReason
{
    /// <summary>Not JSON, or JSON of the wrong shape (no <c>values</c> object, values not an object…).</summary>
    MalformedJson = 0,

    /// <summary>The device id in the topic is not registered.</summary>
    UnknownDevice = 1,

    /// <summary>A value names a property the device's model does not declare (model policy: reject).</summary>
    UndeclaredProperty = 2,

    /// <summary>A value that is not a finite number or a boolean: NaN, ±∞, a string, null, an object.</summary>
    InvalidValue = 3,

    /// <summary><c>ts</c> unparsable, or too far in the future or the past.</summary>
    TimestampOutOfRange = 4,

    /// <summary>The payload exceeds the size limit, or carries too many readings or values.</summary>
    PayloadTooLarge = 5,

    /// <summary>The topic is not <c>devices/{id}/telemetry</c> or <c>devices/{id}/status</c>.</summary>
    WrongTopic = 6,

    /// <summary>A client published under another device's topic.</summary>
    NotAuthorized = 7,

    /// <summary>A status payload other than online/offline.</summary>
    InvalidStatus = 8,

    /// <summary>Invalid location (latitude/longitude out of range or not numbers).</summary>
    InvalidLocation = 9,

    /// <summary>A finite value outside the <c>min</c>/<c>max</c> its model declares for the property.</summary>
    OutOfRange = 10,
}
