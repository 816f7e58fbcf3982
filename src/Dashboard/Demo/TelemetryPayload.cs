using System.Buffers;
using System.Globalization;
using System.Text.Json;
using IotService.Contracts.Common;

namespace IotService.Dashboard.Demo;

/// <summary>Writes one reading in the SPEC §4 shape: <c>{"ts":"…Z","values":{…},"location":{…}}</c>.</summary>
public static class TelemetryPayload
{
    public static byte[] Write(DateTimeOffset at, DemoModel model, ReadOnlySpan<double> values, GeoPoint? location)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ts", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStartObject("values");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                // Two decimals is what real sensors report; flags, modes and codes are whole numbers already.
                var value = model.Signals[i].Kind == SignalKind.Analog ? Math.Round(values[i], 2) : values[i];
                json.WriteNumber(model.Properties[i].Name, value);
            }

            json.WriteEndObject();
            if (location is not null)
            {
                json.WriteStartObject("location");
                json.WriteNumber("lat", Math.Round(location.Lat, 6));
                json.WriteNumber("lon", Math.Round(location.Lon, 6));
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
