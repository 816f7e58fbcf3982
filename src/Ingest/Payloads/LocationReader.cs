using System.Text.Json;
using IotService.Contracts.Common;

namespace IotService.Ingest.Payloads;

/// <summary>Reads <c>location</c>: <c>{"lat": number, "lon": number}</c>; other members are ignored.</summary>
internal static class LocationReader
{
    /// <summary>Reads the value the reader is on. JSON null is a valid "no location".</summary>
    /// <returns>false when the location is present but not an object with finite, in-range lat and lon.</returns>
    public static bool TryRead(ref Utf8JsonReader reader, out GeoPoint? location)
    {
        location = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        // NaN stands for "missing or not a number" and fails the range tests below.
        double lat = double.NaN;
        double lon = double.NaN;
        while (JsonText.NextMember(ref reader))
        {
            bool isLat = JsonText.NameEquals(ref reader, "lat"u8);
            bool isLon = !isLat && JsonText.NameEquals(ref reader, "lon"u8);
            JsonText.Advance(ref reader);
            if (isLat)
            {
                lat = ReadCoordinate(ref reader);
            }
            else if (isLon)
            {
                lon = ReadCoordinate(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
        {
            location = new GeoPoint(lat, lon);
            return true;
        }

        return false;
    }

    private static double ReadCoordinate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value))
        {
            return value;
        }

        reader.Skip();
        return double.NaN;
    }
}
