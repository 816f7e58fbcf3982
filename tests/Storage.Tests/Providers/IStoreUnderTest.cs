using IotService.Storage.Catalogs;
using IotService.Storage.GrainState;

namespace IotService.Storage.Tests.Providers;

/// <summary>One provider's catalogs and grain-state dialect over an empty database, for the contract tests both providers pass.</summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    IDeviceCatalog Devices { get; }

    IDocumentCatalog Documents { get; }

    IAlarmCatalog Alarms { get; }

    IWorkOrderCatalog WorkOrders { get; }

    /// <summary>Grain state over the store's database object.</summary>
    IRelationalStorageDialect Dialect { get; }

    /// <summary>Grain state over another database object on the same data, as another hub, or this one restarted, has.</summary>
    IRelationalStorageDialect OpenAnotherDialect();

    /// <summary>Closes the store's database object, as a stopping hub does; the store's other objects stay open.</summary>
    ValueTask CloseAsync();
}
