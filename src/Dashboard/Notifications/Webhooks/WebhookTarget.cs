using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>One webhook receiver and the secret both sides use to sign and verify bodies.</summary>
public sealed class WebhookTarget
{
    [Required]
    public Uri? Url { get; set; }

    [Required]
    public string Secret { get; set; } = "";
}
