namespace IotService.Contracts.Common;

/// <summary>A WGS-84 position in decimal degrees.</summary>
[GenerateSerializer, Immutable]
public sealed record GeoPoint([property: Id(0)] double Lat, [property: Id(1)] double Lon)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsValid => Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180;
}
