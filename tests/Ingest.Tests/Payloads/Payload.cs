using System.Buffers;
using System.Text;
using IotService.Contracts.Models;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

/// <summary>Shared inputs for the payload tests.</summary>
internal static class Payload
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static readonly string[] DeclaredNames = ["temperature", "rpm", "door"];

    public static readonly PropertySchema Strict = PropertySchema.Create(DeclaredNames, UnknownPropertyPolicy.Reject);

    public static readonly PropertySchema Lenient = PropertySchema.Create(DeclaredNames, UnknownPropertyPolicy.Ignore);

    /// <summary>The declared names with ranges: temperature −40…150, rpm from 0, door 0…1.</summary>
    public static readonly PropertySchema Ranged = PropertySchema.FromDefinitions(
        [
            new PropertyDefinition(DeclaredNames[0], Min: -40, Max: 150),
            new PropertyDefinition(DeclaredNames[1], Min: 0),
            new PropertyDefinition(DeclaredNames[2], Min: 0, Max: 1),
        ],
        UnknownPropertyPolicy.Reject);

    public static ReadOnlySequence<byte> Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public static ParseResult Parse(string json, PropertySchema? schema = null, PayloadLimits? limits = null) =>
        Parse(Encoding.UTF8.GetBytes(json), schema, limits);

    public static ParseResult Parse(byte[] json, PropertySchema? schema = null, PayloadLimits? limits = null) =>
        TelemetryParser.Parse(new ReadOnlySequence<byte>(json), schema ?? Strict, ReceivedAt, limits ?? PayloadLimits.Default);

    /// <summary>The bytes as a sequence cut at the given offsets (ascending, within the array).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        if (cuts.Length == 0)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var first = new BufferSegment(bytes.AsMemory(0, cuts[0]));
        var last = first;
        for (int i = 1; i <= cuts.Length; i++)
        {
            int end = i < cuts.Length ? cuts[i] : bytes.Length;
            last = last.Append(bytes.AsMemory(cuts[i - 1], end - cuts[i - 1]));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
