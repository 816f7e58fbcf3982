using IotService.Contracts.Models;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

/// <summary>What must hold for every parse result, whatever the payload.</summary>
internal static class ParseResultInvariants
{
    private static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();

    public static void Check(ParseResult result, PropertySchema schema, DateTimeOffset receivedAt, PayloadLimits limits)
    {
        Assert.Equal(result.TotalRejected, Reasons.Sum(result.RejectedCount));
        Assert.True(result.Readings.Count + result.TotalRejected >= 1, "a message yields readings or rejections");
        Assert.True(result.Readings.Count <= limits.MaxReadingsPerMessage);
        Assert.True(result.IgnoredValues >= 0);
        Assert.Equal(result.TotalRejected > 0, result.FirstRejection is not null);
        if (result.FirstRejection is not null)
        {
            Assert.False(string.IsNullOrEmpty(result.FirstRejectionDetail));
            Assert.DoesNotContain("internal parser error", result.FirstRejectionDetail, StringComparison.Ordinal);
            Assert.True(result.RejectedCount(result.FirstRejection.Value) >= 1);
        }

        if (result.IsMessageRejected)
        {
            Assert.Empty(result.Readings);
            Assert.Equal(1, result.TotalRejected);
        }

        if (schema.UnknownPropertyPolicy == UnknownPropertyPolicy.Reject)
        {
            Assert.Equal(0, result.IgnoredValues);
        }

        foreach (var reading in result.Readings)
        {
            Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset);
            Assert.InRange(reading.Timestamp, receivedAt - limits.MaxPast, receivedAt + limits.MaxFuture);
            Assert.True(reading.Values.Length > 0 || reading.Location is not null, "a reading carries something");
            Assert.True(reading.Values.Length <= limits.MaxValuesPerReading);
            Assert.Equal(reading.Values.Length, reading.Values.Select(v => v.Property).Distinct().Count());
            foreach (var value in reading.Values)
            {
                Assert.True(double.IsFinite(value.Value), $"value of {value.Property} is {value.Value}");
                Assert.Contains(Payload.DeclaredNames, name => ReferenceEquals(name, value.Property));
                Assert.True(schema.TryGetDeclared(value.Property, out _, out var range) && range.Contains(value.Value), $"value of {value.Property} is {value.Value}, outside {range}");
            }

            if (reading.Location is { } location)
            {
                Assert.True(double.IsFinite(location.Lat) && double.IsFinite(location.Lon) && location.IsValid);
            }
        }
    }

    /// <summary>Parsing the same bytes split into segments must give the same outcome.</summary>
    public static void CheckSame(ParseResult expected, ParseResult actual)
    {
        Assert.Equal(expected.IsMessageRejected, actual.IsMessageRejected);
        Assert.Equal(expected.FirstRejection, actual.FirstRejection);
        Assert.Equal(expected.IgnoredValues, actual.IgnoredValues);
        Assert.Equal(Reasons.Select(expected.RejectedCount), Reasons.Select(actual.RejectedCount));
        Assert.Equal(expected.Readings.Count, actual.Readings.Count);
        for (int i = 0; i < expected.Readings.Count; i++)
        {
            Assert.Equal(expected.Readings[i].Timestamp, actual.Readings[i].Timestamp);
            Assert.Equal(expected.Readings[i].Values, actual.Readings[i].Values);
            Assert.Equal(expected.Readings[i].Location, actual.Readings[i].Location);
        }
    }
}
