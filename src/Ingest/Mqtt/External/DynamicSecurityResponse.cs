using System.Text.Json;

namespace IotService.Ingest.Mqtt.External;

/// <summary>The plugin's answer to one command: <see cref="Error"/> is null on success; <see cref="Data"/> is what a get-command returns.</summary>
public sealed record DynamicSecurityResponse(string Command, string? Error, JsonElement? Data)
{
    public bool Succeeded => Error is null;
}
