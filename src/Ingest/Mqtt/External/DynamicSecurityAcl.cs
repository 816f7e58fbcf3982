namespace IotService.Ingest.Mqtt.External;

/// <summary>One allowing ACL entry of a dynamic-security role (<c>acltype</c> as the plugin names it).</summary>
public sealed record DynamicSecurityAcl(string AclType, string Topic);
