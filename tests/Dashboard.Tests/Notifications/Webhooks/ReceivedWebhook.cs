namespace IotService.Dashboard.Tests.Notifications.Webhooks;

public sealed record ReceivedWebhook(string Name, IReadOnlyDictionary<string, string> Headers, byte[] Body);
