using System.Buffers.Binary;
using System.Text;

namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// The stored form of a <see cref="MultivariateModel"/>: a magic and format byte, the provenance, the properties,
/// the parameters as little-endian doubles, and a 64-bit FNV-1a checksum of all of it, so a damaged or foreign blob
/// reads as null rather than as a detector with wrong numbers.
/// </summary>
internal static class MultivariateModelBytes
{
    private const byte Format = 1;
    private const int MaxProperties = 256;
    private static readonly byte[] Magic = "MVPCA"u8.ToArray();

    public static byte[] Write(MultivariateModel model)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var p = model.Properties.Count;
            w.Write(Magic);
            w.Write(Format);
            var o = model.Provenance;
            w.Write(o.Version);
            w.Write(o.TrainedAt.UtcTicks);
            w.Write(o.Rows);
            w.Write(o.Devices);
            w.Write(o.From.UtcTicks);
            w.Write(o.To.UtcTicks);
            w.Write(p);
            w.Write(model.Rank);
            foreach (var property in model.Properties)
            {
                w.Write(property);
            }

            WriteAll(w, model.Center);
            WriteAll(w, model.ScaleOf);
            WriteAll(w, model.Mean);
            WriteAll(w, model.Components);
            var c = model.Calibration;
            WriteAll(w, [c.P50, c.P99, c.P999, c.Max]);
        }

        var body = stream.ToArray();
        var bytes = new byte[body.Length + sizeof(ulong)];
        body.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(body.Length), Checksum(body));
        return bytes;
    }

    public static MultivariateModel? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length + 1 + sizeof(ulong)
            || !bytes.StartsWith(Magic)
            || bytes[Magic.Length] != Format
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes[^sizeof(ulong)..]) != Checksum(bytes[..^sizeof(ulong)]))
        {
            return null;
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes[(Magic.Length + 1)..^sizeof(ulong)].ToArray()), Encoding.UTF8);
            var version = r.ReadInt32();
            var trainedAt = Time(r.ReadInt64());
            var rows = r.ReadInt64();
            var devices = r.ReadInt32();
            var from = Time(r.ReadInt64());
            var to = Time(r.ReadInt64());
            var p = r.ReadInt32();
            var rank = r.ReadInt32();
            if (p is < 2 or > MaxProperties || rank < 1 || rank >= p)
            {
                return null;
            }

            var properties = new string[p];
            for (var j = 0; j < p; j++)
            {
                properties[j] = r.ReadString();
            }

            var (center, scale, mean, components, quantiles) = (ReadAll(r, p), ReadAll(r, p), ReadAll(r, p), ReadAll(r, rank * p), ReadAll(r, 4));
            if (r.BaseStream.Position != r.BaseStream.Length || scale.Any(s => !(s > 0)) || !AllFinite(center, scale, mean, components, quantiles))
            {
                return null;
            }

            return new MultivariateModel(
                properties, center, scale, mean, components, rank,
                new MultivariateCalibration(quantiles[0], quantiles[1], quantiles[2], quantiles[3]),
                new MultivariateProvenance(version, trainedAt, rows, devices, from, to));
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static void WriteAll(BinaryWriter w, ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    private static double[] ReadAll(BinaryReader r, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = r.ReadDouble();
        }

        return values;
    }

    private static DateTimeOffset Time(long ticks) => ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : throw new FormatException("A time out of range.");

    private static bool AllFinite(params double[][] arrays) => arrays.All(values => values.All(double.IsFinite));

    private static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
