using System.Security.Cryptography;
using System.Text;
using IotService.Dashboard.Notifications.Webhooks;

namespace IotService.Dashboard.Tests.Notifications.Webhooks;

public sealed class WebhookSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"alarm":"hot","value":81.5}""");

    [Fact]
    public void TheSignatureIsLowercaseHexHmacOfTimestampDotBody()
    {
        var timestamp = Now.ToUnixTimeSeconds();
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes($"{timestamp}.{Encoding.UTF8.GetString(Body)}"));

        Assert.Equal("sha256=" + Convert.ToHexString(expected).ToLowerInvariant(), WebhookSigner.Sign("s3cret", timestamp, Body));
    }

    [Fact]
    public void ASignatureVerifiesWithTheSharedSecret()
    {
        var signature = WebhookSigner.Sign("s3cret", Now.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSigner.Verify("s3cret", Now.ToUnixTimeSeconds().ToString(), Body, signature, Now.AddSeconds(30), Tolerance));
    }

    [Fact]
    public void ASignatureFailsWithAWrongSecret()
    {
        var signature = WebhookSigner.Sign("s3cret", Now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSigner.Verify("other", Now.ToUnixTimeSeconds().ToString(), Body, signature, Now, Tolerance));
    }

    [Fact]
    public void ASignatureFailsForATamperedBody()
    {
        var signature = WebhookSigner.Sign("s3cret", Now.ToUnixTimeSeconds(), Body);
        var tampered = Encoding.UTF8.GetBytes("""{"alarm":"hot","value":21.5}""");

        Assert.False(WebhookSigner.Verify("s3cret", Now.ToUnixTimeSeconds().ToString(), tampered, signature, Now, Tolerance));
    }

    [Fact]
    public void ASignatureFailsForAStaleTimestamp()
    {
        var sent = Now.AddMinutes(-6).ToUnixTimeSeconds();
        var signature = WebhookSigner.Sign("s3cret", sent, Body);

        Assert.False(WebhookSigner.Verify("s3cret", sent.ToString(), Body, signature, Now, Tolerance));
    }

    [Fact]
    public void ASignatureFailsWhenTheTimestampHeaderWasChanged()
    {
        var signature = WebhookSigner.Sign("s3cret", Now.AddMinutes(-1).ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSigner.Verify("s3cret", Now.ToUnixTimeSeconds().ToString(), Body, signature, Now, Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abcd")]
    [InlineData("sha256=not-hex")]
    public void AMalformedSignatureHeaderFails(string? header)
    {
        Assert.False(WebhookSigner.Verify("s3cret", Now.ToUnixTimeSeconds().ToString(), Body, header, Now, Tolerance));
    }
}
