namespace IotService.Ingest.Pipeline;

/// <summary>What became of one published message; the broker maps it onto MQTT 5 reason codes.</summary>
public enum PublishOutcome
{
    /// <summary>Queued, wholly or in part (some readings of an array may have been rejected).</summary>
    Accepted,

    /// <summary>Nothing in it could be used; counted by reason.</summary>
    Rejected,

    /// <summary>The client published under another device's topic.</summary>
    NotAuthorized,
}
