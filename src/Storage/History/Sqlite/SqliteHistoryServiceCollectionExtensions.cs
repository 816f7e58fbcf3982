using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Sqlite;

public static class SqliteHistoryServiceCollectionExtensions
{
    /// <summary>The history file's name under <c>Storage:Path</c>.</summary>
    public const string FileName = "history.db";

    /// <summary>Registers the SQLite history store at <c>{Storage:Path}/history.db</c>; see the other overload.</summary>
    public static IServiceCollection AddSqliteHistory(this IServiceCollection services)
        => services.AddSqliteHistory(sp => Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path, FileName));

    /// <summary>
    /// Registers one <see cref="SqliteHistoryStore"/> over <paramref name="filePath"/> as <see cref="IHistoryStore"/>
    /// and <see cref="IHistoryRetention"/>, and the <see cref="HistoryRetentionService"/> that applies retention
    /// every <paramref name="retentionInterval"/> (default one hour). <see cref="HistoryOptions"/> are used as
    /// configured elsewhere (defaults otherwise). The container disposes the store, committing queued writes.
    /// </summary>
    public static IServiceCollection AddSqliteHistory(this IServiceCollection services, string filePath, TimeSpan? retentionInterval = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        return services.AddSqliteHistory(_ => filePath, retentionInterval);
    }

    private static IServiceCollection AddSqliteHistory(this IServiceCollection services, Func<IServiceProvider, string> filePath, TimeSpan? retentionInterval = null)
    {
        services.AddOptions<HistoryOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteHistoryStore(
            filePath(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<HistoryOptions>>(),
            sp.GetRequiredService<ILogger<SqliteHistoryStore>>()));
        services.AddSingleton<IHistoryStore>(sp => sp.GetRequiredService<SqliteHistoryStore>());
        services.AddSingleton<IHistoryRetention>(sp => sp.GetRequiredService<SqliteHistoryStore>());
        services.AddHostedService(sp => new HistoryRetentionService(
            sp.GetRequiredService<IHistoryRetention>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HistoryRetentionService>>(),
            retentionInterval));
        return services;
    }
}
