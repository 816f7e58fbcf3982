using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>
/// Signs webhook bodies: <c>sha256=</c> + lowercase hex HMAC-SHA256(secret, timestamp + "." + body).
/// The timestamp is inside the signature so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSigner
{
    public const string SignatureHeader = "X-IotService-Signature";
    public const string TimestampHeader = "X-IotService-Timestamp";
    public const string EventHeader = "X-IotService-Event";
    public const string DeliveryHeader = "X-IotService-Delivery";
    private const string Prefix = "sha256=";

    public static byte[] Serialize(object payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), JsonSerializerOptions.Web);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var hash = Hmac(secret, timestamp.ToString(CultureInfo.InvariantCulture), body);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    public static void Apply(HttpRequestMessage request, string secret, string eventType, Guid deliveryId, long timestamp, byte[] body)
    {
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(EventHeader, eventType);
        request.Headers.Add(DeliveryHeader, deliveryId.ToString("D"));
    }

    /// <summary>
    /// For receivers: true when the signature matches and the timestamp is within <paramref name="tolerance"/> of now.
    /// </summary>
    public static bool Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp is null || signatureHeader is null || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Hmac(secret, timestamp, body), given);
    }

    private static byte[] Hmac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
