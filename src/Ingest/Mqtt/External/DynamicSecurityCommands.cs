using System.Text.Json.Nodes;

namespace IotService.Ingest.Mqtt.External;

/// <summary>The dynamic-security commands the hub sends, in the plugin's JSON (Mosquitto 2.0).</summary>
public static class DynamicSecurityCommands
{
    public static JsonObject CreateRole(string role, IEnumerable<DynamicSecurityAcl> acls) => new()
    {
        ["command"] = "createRole",
        ["rolename"] = role,
        ["acls"] = new JsonArray(acls.Select(Acl).ToArray<JsonNode?>()),
    };

    public static JsonObject AddRoleAcl(string role, DynamicSecurityAcl acl)
    {
        var command = Acl(acl);
        command["command"] = "addRoleACL";
        command["rolename"] = role;
        return command;
    }

    /// <summary>A client that may connect only with <paramref name="clientId"/>, so no one else can take over its session.</summary>
    public static JsonObject CreateClient(string username, string password, string clientId, string role) => new()
    {
        ["command"] = "createClient",
        ["username"] = username,
        ["password"] = password,
        ["clientid"] = clientId,
        ["roles"] = new JsonArray(new JsonObject { ["rolename"] = role }),
    };

    public static JsonObject GetClient(string username) => new() { ["command"] = "getClient", ["username"] = username };

    public static JsonObject AddClientRole(string username, string role) => new() { ["command"] = "addClientRole", ["username"] = username, ["rolename"] = role };

    public static JsonObject DeleteClient(string username) => new() { ["command"] = "deleteClient", ["username"] = username };

    public static JsonObject DeleteRole(string role) => new() { ["command"] = "deleteRole", ["rolename"] = role };

    private static JsonObject Acl(DynamicSecurityAcl acl) => new() { ["acltype"] = acl.AclType, ["topic"] = acl.Topic, ["allow"] = true };
}
