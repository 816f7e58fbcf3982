using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Contracts.Models;
using IotService.Dashboard.Live;
using IotService.Dashboard.Live.Protocols;
using IotService.Dashboard.Map;
using IotService.Ingest.Directory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Dashboard.Tests.Map;

/// <summary>A <see cref="LiveMap"/> with its real parts, a fake clock, and connections that record what they are sent.</summary>
public sealed class MapHarness : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    public static readonly MapAudience Staff = new(Staff: true, CustomerScope: null);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public MapHarness(int maxSnapshotDevices = 2000)
    {
        var options = Options.Create(new MapOptions { MaxSnapshotDevices = maxSnapshotDevices });
        Notifier = new DeviceDeltaNotifier(options, _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), NullLogger<DeviceDeltaNotifier>.Instance);
        var directory = new DeviceDirectory();
        directory.Upsert(new DeviceModelDefinition("chiller-x", "Chiller X",
        [
            new PropertyDefinition("temperature", Visibility: PropertyVisibility.Customer),
            new PropertyDefinition("rpm", Visibility: PropertyVisibility.Technician),
        ]));
        Map = new LiveMap(Notifier, Technicians, Clients, directory, options, Time, NullLogger<LiveMap>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(T0);

    public DeviceDeltaNotifier Notifier { get; }

    public TechnicianBoard Technicians { get; } = new();

    public RecordingClients Clients { get; } = new();

    public LiveMap Map { get; }

    public static Viewport View(double west, double south, double east, double north, double zoom = 10, int severityMask = 0)
        => new(new GeoBounds(west, south, east, north), zoom, severityMask);

    public static DeviceDelta Registered(string id, double lat, double lon, string? customer = null, Severity severity = Severity.None)
        => new(id, "chiller-x", customer, T0, Complete: true)
        {
            Location = new GeoPoint(lat, lon),
            Status = DeviceStatus.Online,
            HighestActiveSeverity = severity,
            LastSeen = T0,
        };

    public static DeviceDelta Reading(string id, double rpm, double temperature = 20, string? customer = null)
        => new(id, "chiller-x", customer, T0, Complete: false)
        {
            Values = new Dictionary<string, PropertyValue> { ["rpm"] = new(rpm, T0), ["temperature"] = new(temperature, T0) },
        };

    public static DeviceDelta Change(string id, string? customer = null) => new(id, "chiller-x", customer, T0, Complete: false);

    /// <summary>Publishes the deltas and runs one window.</summary>
    public void Window(params DeviceDelta[] deltas)
    {
        foreach (var delta in deltas)
        {
            Notifier.Publish(delta);
        }

        Map.RunWindow();
    }

    public async Task<ViewportSnapshot> JoinAsync(string connection, Viewport view, MapAudience? audience = null)
    {
        await Map.JoinAsync(connection, audience ?? Staff, view);
        return await Clients.NextAsync<ViewportSnapshot>(connection, LiveMethods.ViewportSnapshot);
    }

    public async Task<List<DeviceDeltaMessage>> DeltasAsync(string connection)
    {
        var entries = await Clients.NextAsync<List<Preserialized>>(connection, LiveMethods.DeviceDeltas);
        return [.. entries.Select(e => (DeviceDeltaMessage)e.Value)];
    }

    /// <summary>Runs a window and answers how many messages it queued.</summary>
    public long WindowQueued(params DeviceDelta[] deltas)
    {
        var before = Map.MessagesQueued;
        Window(deltas);
        return Map.MessagesQueued - before;
    }

    public void Dispose() => _services.Dispose();
}
