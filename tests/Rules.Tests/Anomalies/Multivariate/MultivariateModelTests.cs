using System.Reflection;
using System.Reflection.Emit;
using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Rules.Tests.Anomalies.Multivariate;

public sealed class MultivariateModelTests
{
    private static MultivariateModel Model => ChillerFleet.Model;

    [Fact]
    public void ToBytesAndFromBytesGiveIdenticalScores()
    {
        var copy = MultivariateModel.FromBytes(Model.WithVersion(7).ToBytes())!;

        Assert.Equal(7, copy.Version);
        Assert.Equal(Model.Provenance with { Version = 7 }, copy.Provenance);
        Assert.Equal(Model.Calibration, copy.Calibration);
        foreach (var row in new double[][] { [10, 15], [15, 10], [4, 9.2], [16, 21.5], [-3, 40] })
        {
            Assert.Equal(Model.Score(row), copy.Score(row));
        }
    }

    [Fact]
    public void DamagedOrForeignBytesReadAsNothing()
    {
        var bytes = Model.ToBytes();
        var flipped = bytes.ToArray();
        flipped[bytes.Length / 2] ^= 0x40;

        Assert.Null(MultivariateModel.FromBytes(flipped));
        Assert.Null(MultivariateModel.FromBytes(bytes[..^1]));
        Assert.Null(MultivariateModel.FromBytes([]));
        Assert.Null(MultivariateModel.FromBytes("not a model at all"u8));
    }

    [Fact]
    public void TheCalibratedScoreRisesWithTheErrorAndStaysBelowOne()
    {
        var c = Model.Calibration;

        Assert.Equal([0, 0.25, 0.5, 0.75], new[] { 0, c.P50, c.P99, c.P999 }.Select(c.Score).Select(s => Math.Round(s, 12)));
        Assert.Equal(0.875, c.Score(2 * c.P999), 12);
        Assert.InRange(c.Score(1e12), 0.999, 1);
    }

    [Fact]
    public void ScoringCallsNothingOfMlNet()
    {
        Type[] scoring = [typeof(MultivariateModel), typeof(MultivariateCalibration), typeof(MultivariateRule), typeof(MultivariateState), typeof(MultivariateExplanation), typeof(MultivariateLevels)];

        var called = scoring.SelectMany(CalledAssemblies).Distinct().ToList();

        Assert.DoesNotContain(called, name => name.StartsWith("Microsoft.ML", StringComparison.Ordinal));
        Assert.Contains("System.Private.CoreLib", called);
    }

    // Every method a type's own code calls or constructs, read from its IL (call, callvirt, newobj, ldftn).
    private static IEnumerable<string> CalledAssemblies(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var opcodes = new HashSet<short> { OpCodes.Call.Value, OpCodes.Callvirt.Value, OpCodes.Newobj.Value };
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
        foreach (var method in methods)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
            for (var i = 0; i + 4 < il.Length; i++)
            {
                if (!opcodes.Contains(il[i]))
                {
                    continue;
                }

                MethodBase? target = null;
                try
                {
                    target = type.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1), type.GetGenericArguments(), null);
                }
                catch (ArgumentException)
                {
                    // An operand byte that only looks like an opcode.
                }

                if (target?.DeclaringType?.Assembly.GetName().Name is { } name)
                {
                    yield return name;
                }
            }
        }
    }
}
