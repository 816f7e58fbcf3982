namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>
/// Target names such as <c>customer:cust-1</c> contain the configuration path separator, so the binder
/// sees them as nested sections. This reads any section below <c>Targets</c> that has a <c>Url</c> as a
/// target named by its path, and removes the half-bound parents the default binder made of them.
/// </summary>
internal static class WebhookTargetsBinder
{
    public static void Apply(WebhookOptions options, IConfiguration configuration)
    {
        var targets = new Dictionary<string, WebhookTarget>(options.Targets, StringComparer.OrdinalIgnoreCase);
        var section = configuration.GetSection(WebhookOptions.SectionName).GetSection(nameof(WebhookOptions.Targets));
        foreach (var child in section.GetChildren())
        {
            Collect(child, child.Key, targets);
        }
        options.Targets = targets;
    }

    private static void Collect(IConfigurationSection section, string name, Dictionary<string, WebhookTarget> targets)
    {
        if (section[nameof(WebhookTarget.Url)] is not null)
        {
            targets[name] = new WebhookTarget { Url = section.GetValue<Uri>(nameof(WebhookTarget.Url)), Secret = section[nameof(WebhookTarget.Secret)] ?? "" };
            return;
        }
        if (targets.TryGetValue(name, out var parent) && parent.Url is null)
        {
            targets.Remove(name);
        }
        foreach (var child in section.GetChildren())
        {
            Collect(child, name + ":" + child.Key, targets);
        }
    }
}
