using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Grains.Devices;
using static IotService.Grains.Tests.Alarms.AlarmTestModels;

namespace IotService.Grains.Tests.Devices;

public sealed class DeviceDeltaTrackerTests
{
    private readonly DeviceDeltaTracker _tracker = new();
    private readonly DeviceState _state = Device();

    private void Set(string property, double value, DateTimeOffset at)
    {
        _state.Values[property] = new PropertyValue(value, at);
        _tracker.ValueSet(property);
    }

    [Fact]
    public void TheFirstDeltaOfAnActivationIsCompleteWithEveryLastValue()
    {
        _state.Values["rpm"] = new PropertyValue(1200, T0);
        _state.Location = new GeoPoint(31.2, 121.5);
        _state.Status = DeviceStatus.Online;
        _state.LastSeen = T0;

        var delta = _tracker.Take("dev-1", _state, T0.AddSeconds(1))!;

        Assert.True(delta.Complete);
        Assert.Equal(("dev-1", "chiller-x", "cust-1", T0.AddSeconds(1)), (delta.DeviceId, delta.ModelId, delta.CustomerId, delta.At));
        Assert.Equal((new GeoPoint(31.2, 121.5), DeviceStatus.Online, Severity.None, T0), (delta.Location, delta.Status, delta.HighestActiveSeverity, delta.LastSeen));
        Assert.Equal(new PropertyValue(1200, T0), Assert.Single(delta.Values).Value);
    }

    [Fact]
    public void ALaterDeltaCarriesOnlyWhatChangedWithTheValuesOfThePropertiesThatWereSet()
    {
        Set("rpm", 1200, T0);
        Set("temperature", 20, T0);
        _tracker.Take("dev-1", _state, T0);

        Set("temperature", 21, T0.AddSeconds(1));
        Set("temperature", 22, T0.AddSeconds(2));
        _state.HighestActiveSeverity = Severity.Major;
        var delta = _tracker.Take("dev-1", _state, T0.AddSeconds(3))!;

        Assert.False(delta.Complete);
        Assert.Equal(new PropertyValue(22, T0.AddSeconds(2)), Assert.Single(delta.Values, v => v.Key == "temperature").Value);
        Assert.Single(delta.Values);
        Assert.Equal(Severity.Major, delta.HighestActiveSeverity);
        Assert.Equal((null, null, null), (delta.Location, delta.Status, delta.LastSeen));
        Assert.Equal(("chiller-x", "cust-1"), (delta.ModelId, delta.CustomerId));
    }

    [Fact]
    public void NothingChangedMeansNoDelta()
    {
        Set("rpm", 1200, T0);
        _tracker.Take("dev-1", _state, T0);

        Assert.Null(_tracker.Take("dev-1", _state, T0.AddSeconds(1)));
    }

    [Fact]
    public void ANewCustomerAloneIsADeltaSoReceiversRouteTheDeviceAnew()
    {
        _tracker.Take("dev-1", _state, T0);
        _state.CustomerId = "cust-2";

        var delta = _tracker.Take("dev-1", _state, T0.AddSeconds(1))!;

        Assert.Equal(("cust-2", false), (delta.CustomerId, delta.Complete));
        Assert.Empty(delta.Values);
    }

    [Fact]
    public void AnUnregisteredDeviceSendsNothing()
    {
        var unknown = new DeviceState();

        Assert.Null(_tracker.Take("dev-x", unknown, T0));
    }
}
