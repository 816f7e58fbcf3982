using IotService.Grains.Devices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace IotService.Grains.Tests.Alarms;

/// <summary>Orleans' serializer as the grain-state store uses it, so a test can store and load a device's state.</summary>
internal static class StateSerializer
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DeviceState).Assembly).AddAssembly(typeof(StateSerializer).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>The bytes of <paramref name="stored"/> read back as a <typeparamref name="TLoaded"/>, as a later version of the hub would.</summary>
    public static TLoaded StoreAndLoad<TStored, TLoaded>(TStored stored) => Serializer.Deserialize<TLoaded>(Serializer.SerializeToArray(stored))!;

    public static DeviceState StoreAndLoad(DeviceState state) => StoreAndLoad<DeviceState, DeviceState>(state);
}
