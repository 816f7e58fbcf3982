using IotService.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace IotService.Storage.Tests.GrainState;

/// <summary>A state database in a fresh temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly List<SqliteDatabase> _opened = [];

    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("iot-storage-tests-").FullName;
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = Path.Combine(Folder, "data") });
        Database = Open();
    }

    public string Folder { get; }

    public IOptions<StorageOptions> Options { get; }

    public SqliteDatabase Database { get; }

    /// <summary>Opens another <see cref="SqliteDatabase"/> on the same file, as a restarted process would.</summary>
    public SqliteDatabase Open()
    {
        var database = new SqliteDatabase(Options);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
