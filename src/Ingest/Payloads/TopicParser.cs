using System.Buffers;

namespace IotService.Ingest.Payloads;

/// <summary>Splits an MQTT topic into the device id and the topic kind.</summary>
public static class TopicParser
{
    /// <summary>The longest device id a topic may carry.</summary>
    public const int MaxDeviceIdLength = 64;

    private const string Prefix = "devices/";

    // No '/', '+', '#' or whitespace: ids must stay usable as single MQTT topic levels and in ACLs.
    private static readonly SearchValues<char> DeviceIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    /// <summary>
    /// Accepts exactly <c>devices/{id}/telemetry</c> and <c>devices/{id}/status</c> (case-sensitive), where the id is
    /// 1–64 characters of <c>[A-Za-z0-9._:-]</c>. Never throws.
    /// </summary>
    /// <returns>false for any other topic; then <paramref name="deviceId"/> is empty.</returns>
    public static bool TryParse(string topic, out string deviceId, out TopicKind kind)
    {
        deviceId = string.Empty;
        kind = default;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = topic.AsSpan(Prefix.Length);
        int slash = rest.IndexOf('/');
        if (slash is < 1 or > MaxDeviceIdLength)
        {
            return false;
        }

        ReadOnlySpan<char> id = rest[..slash];
        ReadOnlySpan<char> suffix = rest[(slash + 1)..];
        if (id.ContainsAnyExcept(DeviceIdChars))
        {
            return false;
        }

        if (suffix.SequenceEqual("telemetry"))
        {
            kind = TopicKind.Telemetry;
        }
        else if (suffix.SequenceEqual("status"))
        {
            kind = TopicKind.Status;
        }
        else
        {
            return false;
        }

        deviceId = id.ToString();
        return true;
    }
}
