using IotService.Dashboard.Demo;
using IotService.Dispatch.Geo;

namespace IotService.Dashboard.Tests.Demo;

public sealed class SignalGeneratorTests
{
    private static readonly DemoFleet Fleet = DemoFleet.Create(seed: 42, deviceCount: 300);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);
    private static readonly double DefaultFaultRate = new DemoOptions().FaultProbability;

    [Fact]
    public void TheSameSeedAndTimeGiveTheSameValues()
    {
        var first = new SignalGenerator(DefaultFaultRate);
        var second = new SignalGenerator(DefaultFaultRate);

        foreach (var device in Fleet.Devices.Take(30))
        {
            var model = Fleet.Model(device.ModelId);
            for (var minute = 0; minute < 24 * 60; minute += 37)
            {
                var at = Monday.AddMinutes(minute).AddMilliseconds(123);
                Assert.Equal(Sample(first, model, device.Seed, at, device.UtcOffset), Sample(second, model, device.Seed, at, device.UtcOffset));
            }
        }
    }

    [Fact]
    public void TwoDevicesOfOneModelReadDifferently()
    {
        var generator = new SignalGenerator(DefaultFaultRate);
        var model = DemoModels.Chiller;

        Assert.NotEqual(Sample(generator, model, 1, Monday, ChinaTime), Sample(generator, model, 2, Monday, ChinaTime));
    }

    [Fact]
    public void ValuesStayWithinEachPropertysRangeEvenWhenFaultsAreFrequent()
    {
        var generator = new SignalGenerator(faultProbabilityPerHour: 1);
        foreach (var model in Fleet.Models)
        {
            for (ulong seed = 1; seed <= 3; seed++)
            {
                ForEachMinute(7 * 24 * 60, step: 7, at =>
                {
                    var values = Sample(generator, model, seed, at, ChinaTime);
                    for (var i = 0; i < values.Length; i++)
                    {
                        Assert.InRange(values[i], model.Properties[i].Min!.Value, model.Properties[i].Max!.Value);
                    }
                });
            }
        }
    }

    [Fact]
    public void RoomTemperatureIsWarmerInTheLocalAfternoonThanBeforeDawn()
    {
        var generator = new SignalGenerator(faultProbabilityPerHour: 0);
        var model = DemoModels.AirConditioner;
        var room = Index(model, "room_temp");
        var chicago = DemoCities.Get("Chicago").UtcOffset;
        var afternoon = new List<double>();
        var beforeDawn = new List<double>();

        ForEachMinute(7 * 24 * 60, step: 10, at =>
        {
            var localHour = at.ToOffset(chicago).Hour;
            var value = generator.Sample(model, room, 99, at, chicago);
            (localHour is >= 12 and < 18 ? afternoon : localHour < 6 ? beforeDawn : []).Add(value);
        });

        Assert.True(afternoon.Average() - beforeDawn.Average() > 1.5, $"afternoon {afternoon.Average():F2} °C, before dawn {beforeDawn.Average():F2} °C");
    }

    [Fact]
    public void OverASimulatedWeekEveryModelCrossesOneOfItsThresholdRules()
    {
        var generator = new SignalGenerator(DefaultFaultRate);
        foreach (var model in Fleet.Models)
        {
            var device = Fleet.Devices.First(d => d.ModelId == model.Id);
            var thresholds = model.Definition.Rules!.Where(r => r.Kind == "threshold").ToList();
            var crossed = false;
            ForEachMinute(7 * 24 * 60, step: 0.5, at =>
            {
                var values = Sample(generator, model, device.Seed, at, device.UtcOffset);
                crossed |= thresholds.Any(r => Thresholds.Crosses(r, values[Index(model, r.Property!)]));
            });

            Assert.True(crossed, $"{model.Id} ({device.Id}) crossed no threshold in a week");
        }
    }

    [Fact]
    public void WithoutFaultsOnlyAWornFilterCrossesAThreshold()
    {
        var generator = new SignalGenerator(faultProbabilityPerHour: 0);
        foreach (var model in Fleet.Models)
        {
            var thresholds = model.Definition.Rules!.Where(r => r.Kind == "threshold" && r.Property != "filter_life").ToList();
            foreach (var device in Fleet.Devices.Where(d => d.ModelId == model.Id).Take(5))
            {
                ForEachMinute(7 * 24 * 60, step: 1, at =>
                {
                    var values = Sample(generator, model, device.Seed, at, device.UtcOffset);
                    var alarming = thresholds.Where(r => Thresholds.NotClear(r, values[Index(model, r.Property!)])).Select(r => r.Id);
                    Assert.Empty(alarming);
                });
            }
        }
    }

    [Fact]
    public void FaultsOccurAtTheConfiguredRate()
    {
        // 0.02 per hour is one fault per 50-hour slot. 30 days are 14.4 slots: 13 to 16 of them
        // start inside the window, depending on where it cuts the first and last slot.
        var generator = new SignalGenerator(0.02);
        foreach (var device in Fleet.Devices.Take(20))
        {
            var model = Fleet.Model(device.ModelId);
            var starts = new HashSet<DateTimeOffset>();
            ForEachMinute(30 * 24 * 60, step: 0.5, at =>
            {
                if (generator.FaultAt(model, device.Seed, at) is { } fault)
                {
                    starts.Add(fault.Start);
                    Assert.True(fault.End - fault.Start <= TimeSpan.FromMinutes(60));
                }
            });

            Assert.InRange(starts.Count, 13, 16);
        }
    }

    [Fact]
    public void AShiftMovesTheValueByItsOffsetARelationFollowsThePreviousPropertyAndARampClimbsToItsFaultValue()
    {
        var generator = new SignalGenerator(faultProbabilityPerHour: 0, learnedFaultProbabilityPerHour: 1);
        var calm = new SignalGenerator(0);
        var seen = new HashSet<FaultKind>();
        foreach (var model in new[] { DemoModels.Chiller, DemoModels.FurnaceMonitor })
        {
            for (ulong seed = 1; seed <= 40; seed++)
            {
                ForEachMinute(3 * 24 * 60, step: 1, at =>
                {
                    if (generator.FaultAt(model, seed, at) is not { } fault)
                    {
                        return;
                    }

                    var shape = model.Signals[fault.PropertyIndex];
                    var value = Sample(generator, model, seed, at, ChinaTime)[fault.PropertyIndex];
                    var normal = Sample(calm, model, seed, at, ChinaTime);
                    seen.Add(shape.FaultKind);
                    switch (shape.FaultKind)
                    {
                        case FaultKind.Shift:
                            Assert.Equal(normal[fault.PropertyIndex] + shape.FaultValue!.Value, value, 6);
                            break;
                        case FaultKind.Relation:
                            Assert.InRange(value - normal[fault.PropertyIndex - 1] - shape.FaultValue!.Value, -shape.Noise, shape.Noise);
                            break;
                        case FaultKind.Ramp:
                            var progress = (at - fault.Start) / (fault.End - fault.Start);
                            Assert.Equal(normal[fault.PropertyIndex] + ((shape.FaultValue!.Value - normal[fault.PropertyIndex]) * progress), value, 3);
                            break;
                    }
                });
            }
        }

        Assert.Equal(new HashSet<FaultKind> { FaultKind.Shift, FaultKind.Relation, FaultKind.Ramp }, seen);
    }

    [Fact]
    public void ThresholdFaultsAndLearnedFaultsKeepToTheirOwnRates()
    {
        var thresholdOnly = new SignalGenerator(1, 0);
        var learnedOnly = new SignalGenerator(0, 1);
        foreach (var device in Fleet.Devices.Where(d => d.ModelId == DemoModels.Chiller.Id).Take(10))
        {
            ForEachMinute(2 * 24 * 60, step: 3, at =>
            {
                if (thresholdOnly.FaultAt(DemoModels.Chiller, device.Seed, at) is { } threshold)
                {
                    Assert.Contains(DemoModels.Chiller.Signals[threshold.PropertyIndex].FaultKind, new[] { FaultKind.Stuck, FaultKind.Spike });
                }

                if (learnedOnly.FaultAt(DemoModels.Chiller, device.Seed, at) is { } learned)
                {
                    Assert.Contains(DemoModels.Chiller.Signals[learned.PropertyIndex].FaultKind, new[] { FaultKind.Shift, FaultKind.Relation });
                }
            });
        }
    }

    [Fact]
    public void AZeroFaultProbabilityNeverFaults()
    {
        var generator = new SignalGenerator(0);

        ForEachMinute(30 * 24 * 60, step: 13, at => Assert.Null(generator.FaultAt(DemoModels.Chiller, 5, at)));
    }

    [Fact]
    public void AMobileDeviceWandersWithinAHundredMetresOfHome()
    {
        var home = DemoCities.Get("Singapore").Centre;

        ForEachMinute(24 * 60, step: 0.25, at =>
        {
            var p = SignalGenerator.Wander(home, 17, at);
            Assert.InRange(GreatCircle.DistanceKm(home.Lat, home.Lon, p.Lat, p.Lon), 0, 0.1);
        });
    }

    private static double[] Sample(SignalGenerator generator, DemoModel model, ulong seed, DateTimeOffset at, TimeSpan utcOffset)
    {
        var values = new double[model.Properties.Count];
        generator.SampleAll(model, seed, at, utcOffset, values);
        return values;
    }

    private static int Index(DemoModel model, string property)
        => model.Properties.Select((p, i) => (p.Name, i)).Single(p => p.Name == property).i;

    private static void ForEachMinute(int minutes, double step, Action<DateTimeOffset> check)
    {
        for (var minute = 0.0; minute < minutes; minute += step)
        {
            check(Monday.AddMinutes(minute));
        }
    }
}
