using IotService.Contracts.Common;
using IotService.Contracts.Customers;
using IotService.Contracts.Devices;
using IotService.Contracts.Models;
using IotService.Contracts.Technicians;
using IotService.Dashboard.Devices;
using IotService.Dashboard.Models;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Demo;

/// <summary>
/// Creates whatever part of the demo fleet is missing and leaves existing items alone, so it
/// runs on every start: the first start creates everything, later ones find it all there, and
/// an administrator's edits to demo models or customers survive restarts. Existing devices are
/// found in the catalog in one pass, not by asking each device grain, so a restart with 100,000
/// devices does not wake every grain before the simulator does. Missing devices are registered
/// <see cref="DemoOptions.SeedParallelism"/> at a time, so their state and catalog writes share
/// group commits: a first start with 100,000 devices is a bulk write of about 20-30 s, not 100,000 transactions.
/// </summary>
public sealed class DemoSeeder(
    DemoFleet fleet,
    DemoSecrets secrets,
    DeviceModelService models,
    DeviceRegistrar registrar,
    IGrainFactory grains,
    IDeviceCatalog catalog,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    private const int KeysetPage = 1_000;

    /// <returns>The devices to simulate, as they are registered (an existing device keeps its model and location).</returns>
    public async Task<IReadOnlyList<DemoDevice>> SeedAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.SeedParallelism, CancellationToken = cancellationToken };

        // Devices need their model and customer first: the registrar checks both.
        var newModels = await CountCreatedAsync(fleet.Models, parallel, EnsureModelAsync);
        var newCustomers = await CountCreatedAsync(fleet.Customers, parallel, EnsureCustomerAsync);
        var newTechnicians = await CountCreatedAsync(fleet.Technicians, parallel, EnsureTechnicianAsync);

        var registered = await RegisteredDevicesAsync(cancellationToken);
        var simulated = new DemoDevice?[fleet.Devices.Count];
        var newDevices = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, fleet.Devices.Count), parallel, async (i, ct) =>
        {
            var device = fleet.Devices[i];
            if (registered.TryGetValue(device.Id, out var row))
            {
                simulated[i] = Simulate(device, row.ModelId, row.Location);
                return;
            }

            (simulated[i], var created) = await RegisterDeviceAsync(device, ct);
            if (created)
            {
                Interlocked.Increment(ref newDevices);
            }
        });

        var devices = simulated.OfType<DemoDevice>().ToList();
        logger.FleetSeeded(
            (long)time.GetElapsedTime(started).TotalMilliseconds, fleet.Models.Count, newModels, fleet.Customers.Count, newCustomers,
            fleet.Technicians.Count, newTechnicians, fleet.Devices.Count, newDevices, fleet.Devices.Count - devices.Count);
        return devices;
    }

    private static async Task<int> CountCreatedAsync<T>(IReadOnlyList<T> items, ParallelOptions parallel, Func<T, CancellationToken, Task<bool>> ensure)
    {
        var created = 0;
        await Parallel.ForEachAsync(items, parallel, async (item, ct) =>
        {
            if (await ensure(item, ct))
            {
                Interlocked.Increment(ref created);
            }
        });
        return created;
    }

    private async Task<bool> EnsureModelAsync(DemoModel model, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IDeviceModelGrain>(model.Id).GetAsync() is not null)
        {
            return false;
        }

        return await CreateAsync(() => models.SaveAsync(model.Definition, mustNotExist: true, cancellationToken));
    }

    private async Task<bool> EnsureCustomerAsync(CustomerDefinition customer, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ICustomerGrain>(customer.Id);
        return await grain.GetAsync() is null && await CreateAsync(() => grain.SaveAsync(customer, mustNotExist: true));
    }

    private async Task<bool> EnsureTechnicianAsync(TechnicianDefinition technician, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ITechnicianGrain>(technician.Id);
        return await grain.GetAsync() is null && await CreateAsync(() => grain.SaveAsync(technician, mustNotExist: true));
    }

    /// <summary>
    /// Registers a device the catalog does not list, through the same registrar as <c>POST /api/devices</c> (grain,
    /// hashed secret, catalog row, ingest directory). No read first: the catalog said it is missing, and a device
    /// registered meanwhile (another hub) makes the registrar refuse, after which its registration is read instead.
    /// </summary>
    private async Task<(DemoDevice? Device, bool Created)> RegisterDeviceAsync(DemoDevice device, CancellationToken cancellationToken)
    {
        var request = new RegisterDeviceRequest(device.Id, device.ModelId, device.CustomerId, device.Location, device.Name);
        if (await CreateAsync(() => registrar.RegisterAsync(request, secrets.SecretFor(device.Id), cancellationToken)))
        {
            return (device, true);
        }

        var existing = await grains.GetGrain<IDeviceGrain>(device.Id).GetSnapshotAsync();
        return existing is null ? (device, false) : (Simulate(device, existing.ModelId, existing.Location), false);
    }

    /// <summary>
    /// A fleet seeded with another seed or count may have put another model under this id: simulate what is
    /// registered, or nothing if the demo does not know that model.
    /// </summary>
    private DemoDevice? Simulate(DemoDevice device, string modelId, GeoPoint? location)
    {
        if (!fleet.TryGetModel(modelId, out _))
        {
            logger.DeviceSkipped(device.Id, modelId);
            return null;
        }

        return device with { ModelId = modelId, Location = location ?? device.Location };
    }

    /// <summary>The fleet's devices the catalog already lists, with the model and location they are registered with.</summary>
    private async Task<Dictionary<string, (string ModelId, GeoPoint? Location)>> RegisteredDevicesAsync(CancellationToken cancellationToken)
    {
        var ids = fleet.Devices.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var registered = new Dictionary<string, (string, GeoPoint?)>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await catalog.ListAsync(new DeviceQuery(Limit: KeysetPage, Cursor: cursor), cancellationToken);
            foreach (var row in page.Items.Where(row => ids.Contains(row.Id)))
            {
                registered[row.Id] = (row.ModelId, row.Lat is { } lat && row.Lon is { } lon ? new GeoPoint(lat, lon) : null);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return registered;
    }

    /// <returns>False when the item turned out to exist already (created concurrently, or by another hub).</returns>
    private static async Task<bool> CreateAsync<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
