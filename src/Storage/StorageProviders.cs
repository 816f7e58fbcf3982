using Microsoft.Extensions.Configuration;

namespace IotService.Storage;

/// <summary>The values of <c>Storage:Provider</c> (SPEC §3).</summary>
public static class StorageProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The provider configured under <c>Storage:Provider</c> (sqlite when unset), as one of the constants.</summary>
    /// <exception cref="InvalidOperationException">Another value: refused at start rather than silently taken as SQLite.</exception>
    public static string From(IConfiguration configuration)
    {
        var value = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite;
        }

        return string.Equals(value, Postgres, StringComparison.OrdinalIgnoreCase)
            ? Postgres
            : throw new InvalidOperationException($"Storage:Provider '{value}' is not known: use '{Sqlite}' (the default) or '{Postgres}'.");
    }
}
