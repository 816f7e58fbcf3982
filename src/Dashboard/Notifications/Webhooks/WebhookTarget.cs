namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>One webhook receiver and the secret both sides use to sign and verify bodies.</summary>
/// <remarks>Checked by <see cref="WebhookTargetsValidator"/>: data annotations do not reach dictionary values.</remarks>
public sealed class WebhookTarget
{
    /// <summary>Absolute http or https URL the delivery is POSTed to.</summary>
    public Uri? Url { get; set; }

    /// <summary>HMAC-SHA256 key shared with the receiver.</summary>
    public string Secret { get; set; } = "";
}
