using IotService.Storage.History;
using IotService.Storage.History.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotService.Storage.Tests.History.Sqlite;

public sealed class SqliteHistoryServiceCollectionExtensionsTests : IAsyncLifetime
{
    private readonly SqliteHistoryFiles _files = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OneStoreServesQueriesAndRetentionAndTheRetentionServiceIsHosted()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(_files.Time);
        services.AddSqliteHistory(_files.PathOf());
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IHistoryStore>();

        Assert.Same(store, provider.GetRequiredService<IHistoryRetention>());
        Assert.Equal(_files.PathOf(), Assert.IsType<SqliteHistoryStore>(store).FilePath);
        Assert.IsType<HistoryRetentionService>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.True(File.Exists(_files.PathOf()));
    }

    [Fact]
    public void AddStoragePutsTheHistoryFileUnderStoragePathAndBindsHistoryOptions()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _files.Folder,
            ["History:RawRetentionDays"] = "7",
        });
        builder.AddStorage();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<SqliteHistoryStore>();

        Assert.Equal(Path.Combine(_files.Folder, "history.db"), store.FilePath);
        Assert.Equal(7, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HistoryOptions>>().Value.RawRetentionDays);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _files.DisposeAsync().AsTask();
}
