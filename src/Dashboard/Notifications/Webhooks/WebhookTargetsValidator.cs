using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>Data annotations do not reach into dictionary values, so each target is checked here.</summary>
internal sealed class WebhookTargetsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        foreach (var (target, value) in options.Targets)
        {
            if (value.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Webhooks:Targets:{target}:Url must be an absolute http or https URL.");
            }
            if (string.IsNullOrEmpty(value.Secret))
            {
                failures.Add($"Webhooks:Targets:{target}:Secret is required.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
