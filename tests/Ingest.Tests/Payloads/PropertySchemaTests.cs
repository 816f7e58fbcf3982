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

        Assert.True(schema.TryGetDeclaredName("rpm".AsSpan(), out var found));
        Assert.Same(rpm, found);
        Assert.False(schema.TryGetDeclaredName("RPM".AsSpan(), out _));
        Assert.False(schema.TryGetDeclaredName("rpm ".AsSpan(), out _));
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
