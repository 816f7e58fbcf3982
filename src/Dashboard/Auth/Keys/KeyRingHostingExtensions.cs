using IotService.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth.Keys;

public static class KeyRingHostingExtensions
{
    /// <summary>The folder under <c>Storage:Path</c> that holds the Data Protection key ring.</summary>
    public const string FolderName = "keys";

    /// <summary>Data Protection (tokens, cookies, anti-forgery) with its key ring in <c>Storage:Path/keys</c>, owner-only.</summary>
    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("IotService");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, IOptions<AuthOptions>, ILoggerFactory>((keys, storage, auth, logs) =>
            {
                LegacyTokenKey.Remove(storage.Value.Path, logs.CreateLogger(typeof(LegacyTokenKey)));
                keys.XmlRepository = new OwnerOnlyXmlRepository(Path.Combine(storage.Value.Path, FolderName));
                keys.NewKeyLifetime = TimeSpan.FromDays(auth.Value.KeyLifetimeDays);
            });
        return builder;
    }
}
