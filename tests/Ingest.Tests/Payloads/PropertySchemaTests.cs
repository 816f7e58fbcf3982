using IotService.Contracts.Models;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class PropertySchemaTests
{
    [Fact]
    public void KeepsTheDeclaredNamesOnceAndThePolicy()
    {
        var schema = PropertySchema.Create(["rpm", "door", "rpm"], UnknownPropertyPolicy.Ignore);

        Assert.Equal(2, schema.Names.Count);
        Assert.True(schema.Names.SetEquals(["door", "rpm"]));
        Assert.Equal(UnknownPropertyPolicy.Ignore, schema.UnknownPropertyPolicy);
    }

    [Fact]
    public void FindsDeclaredNamesBySpanCaseSensitively()
    {
        string rpm = "rpm";
        var schema = PropertySchema.Create([rpm], UnknownPropertyPolicy.Reject);

        Assert.True(schema.TryGetDeclared("rpm".AsSpan(), out var found, out var range));
        Assert.Same(rpm, found);
        Assert.Equal(PropertyRange.Unbounded, range);
        Assert.False(schema.TryGetDeclared("RPM".AsSpan(), out _, out _));
        Assert.False(schema.TryGetDeclared("rpm ".AsSpan(), out _, out _));
    }

    [Fact]
    public void TakesEachPropertysRangeFromItsDefinitionWithOpenEndsUnbounded()
    {
        var schema = PropertySchema.FromDefinitions(
            [new PropertyDefinition("temperature", Min: -40, Max: 150), new PropertyDefinition("rpm", Min: 0), new PropertyDefinition("door")],
            UnknownPropertyPolicy.Reject);

        Assert.True(schema.TryGetDeclared("temperature", out _, out var temperature));
        Assert.True(schema.TryGetDeclared("rpm", out _, out var rpm));
        Assert.True(schema.TryGetDeclared("door", out _, out var door));
        Assert.Equal(new PropertyRange(-40, 150), temperature);
        Assert.Equal(new PropertyRange(0, double.PositiveInfinity), rpm);
        Assert.Equal(PropertyRange.Unbounded, door);
    }

    [Fact]
    public void ARangeContainsItsBoundsAndNothingBeyondThem()
    {
        var range = new PropertyRange(0, 150);

        Assert.True(range.Contains(0));
        Assert.True(range.Contains(150));
        Assert.False(range.Contains(-double.Epsilon));
        Assert.False(range.Contains(150.00000000000003));
        Assert.False(range.Contains(1.7e308));
        Assert.True(PropertyRange.Unbounded.Contains(double.MaxValue));
    }

    [Fact]
    public void AcceptsAnEmptyListOfNames()
    {
        var schema = PropertySchema.Create([], UnknownPropertyPolicy.Reject);

        Assert.Empty(schema.Names);
        Assert.Equal(1, Payload.Parse("""{"values":{"rpm":1}}""", schema).RejectedCount(RejectReason.UndeclaredProperty));
    }

    [Fact]
    public void RefusesNullOrEmptyNamesAndUndefinedPolicies()
    {
        Assert.Throws<ArgumentNullException>(() => PropertySchema.Create(null!, UnknownPropertyPolicy.Reject));
        Assert.Throws<ArgumentException>(() => PropertySchema.Create(["rpm", ""], UnknownPropertyPolicy.Reject));
        Assert.Throws<ArgumentException>(() => PropertySchema.Create(["rpm", null!], UnknownPropertyPolicy.Reject));
        Assert.Throws<ArgumentOutOfRangeException>(() => PropertySchema.Create(["rpm"], (UnknownPropertyPolicy)7));
    }
}
