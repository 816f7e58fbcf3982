using System.Text.Json;
using IotService.Contracts.Common;
using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Payloads;

/// <summary>
/// Parses reading objects. After a rejection it still reads to the end of the object, so an enclosing array can
/// go on with the next reading; the first problem in payload order decides the reason. Holds a pooled scratch
/// buffer reused across the readings of one message: call <see cref="ReturnScratch"/> when done.
/// </summary>
internal ref struct ReadingParser
{
    private readonly PropertySchema _schema;
    private readonly TimestampWindow _window;
    private readonly DateTimeOffset _defaultTimestamp;
    private readonly int _maxValues;
    private ValueBuffer _values = new();
    private ReadingRejection _rejection;

    public ReadingParser(PropertySchema schema, DateTimeOffset receivedAt, PayloadLimits limits)
    {
        _schema = schema;
        _window = TimestampWindow.Around(receivedAt, limits);
        _defaultTimestamp = receivedAt.ToUniversalTime();
        _maxValues = limits.MaxValuesPerReading;
    }

    /// <summary>Parses the object the reader is on (StartObject) and leaves the reader on its EndObject.</summary>
    /// <param name="wantDetail">Whether to format a detail text for a rejection (only the first one is logged).</param>
    public ReadingOutcome Parse(ref Utf8JsonReader reader, bool wantDetail)
    {
        _values.Clear();
        _rejection.Reset(wantDetail);
        DateTimeOffset timestamp = _defaultTimestamp;
        GeoPoint? location = null;
        bool hasValues = false;

        // Repeated members: the last one wins, but a rejection caused by an earlier one stands.
        while (JsonText.NextMember(ref reader))
        {
            if (JsonText.NameEquals(ref reader, "values"u8))
            {
                JsonText.Advance(ref reader);
                hasValues = true;
                ValuesReader.Read(ref reader, _schema, _maxValues, ref _values, ref _rejection);
            }
            else if (JsonText.NameEquals(ref reader, "ts"u8))
            {
                JsonText.Advance(ref reader);
                ReadTimestamp(ref reader, ref timestamp);
            }
            else if (JsonText.NameEquals(ref reader, "location"u8))
            {
                JsonText.Advance(ref reader);
                if (!LocationReader.TryRead(ref reader, out location))
                {
                    _rejection.Reject(
                        RejectReason.InvalidLocation, "'location' needs finite 'lat' in [-90, 90] and 'lon' in [-180, 180]");
                }
            }
            else
            {
                JsonText.Advance(ref reader);
                reader.Skip();
            }
        }

        if (_rejection.Reason is { } reason)
        {
            return ReadingOutcome.Rejected(reason, _rejection.Detail);
        }

        if (!hasValues)
        {
            return ReadingOutcome.Rejected(RejectReason.MalformedJson, "reading has no 'values' object");
        }

        if (_values.Count == 0 && location is null)
        {
            return ReadingOutcome.Rejected(RejectReason.MalformedJson, "reading carries no values and no location");
        }

        return ReadingOutcome.Accepted(new TelemetryReading(timestamp, _values.ToArray(), location), _values.Ignored);
    }

    public readonly void ReturnScratch() => _values.Return();

    private void ReadTimestamp(ref Utf8JsonReader reader, ref DateTimeOffset timestamp)
    {
        TimestampStatus status = TimestampReader.Read(ref reader, _window, out DateTimeOffset value);
        if (status == TimestampStatus.Valid)
        {
            timestamp = value;
        }
        else if (status == TimestampStatus.Absent)
        {
            timestamp = _defaultTimestamp;
        }
        else
        {
            (RejectReason reason, string detail) = TimestampReader.Describe(status);
            _rejection.Reject(reason, detail);
        }
    }
}
