using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>
/// An influxd with authentication on, an administrator, and a provisioned database "provisioned"
/// with a user "writer" who may use it but is no administrator.
/// </summary>
public sealed class AuthenticatedInfluxServer : IAsyncLifetime
{
    public const string Admin = "admin";
    public const string AdminPassword = "admin pw";
    public const string Writer = "writer";
    public const string WriterPassword = "writer pw";
    public const string ProvisionedDatabase = "provisioned";

    public InfluxServer Server { get; } = InfluxServer.WithAuthentication();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();

        // With no user yet, influxd accepts exactly this unauthenticated.
        await RunAsync($"CREATE USER \"{Admin}\" WITH PASSWORD '{AdminPassword}' WITH ALL PRIVILEGES", null);
        await RunAsync($"CREATE DATABASE \"{ProvisionedDatabase}\"", Admin);
        await RunAsync($"CREATE USER \"{Writer}\" WITH PASSWORD '{WriterPassword}'", Admin);
        await RunAsync($"GRANT ALL ON \"{ProvisionedDatabase}\" TO \"{Writer}\"", Admin);
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    private async Task RunAsync(string statement, string? username)
    {
        var answer = await Server.ExecuteAsync("", statement, username, AdminPassword);
        if (answer.GetRawText().Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{statement}': {answer.GetRawText()}");
        }
    }
}
