using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace IotService.Storage.History.Spool;

/// <summary>
/// The spool's dead letters, under <c>{Path}/rejected/</c>: points the store refused for good, one
/// JSON object per line in <c>{yyyy-MM-dd}.jsonl</c> (readable, and replayable by hand once the
/// cause is fixed), and unreadable spool bytes copied verbatim to <c>*.corrupt</c> files.
/// </summary>
internal static class DeadLetterFile
{
    public static string FolderOf(string spoolDirectory) => Path.Combine(spoolDirectory, "rejected");

    public static void Write(string spoolDirectory, IReadOnlyList<(HistoryPoint Point, string Reason)> rejected, DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            foreach (var (point, reason) in rejected)
            {
                WriteLine(json, point, reason, now);
                json.Flush();
                json.Reset();
                buffer.Write("\n"u8);
            }
        }

        var name = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl";
        Append(spoolDirectory, name, buffer.WrittenSpan, FileMode.Append);
    }

    /// <summary>Copies bytes of a segment that cannot be read as records, so that skipping them loses nothing a human could still recover.</summary>
    public static string CopyCorrupt(string spoolDirectory, SpoolPosition from, long to)
    {
        var bytes = new byte[to - from.Offset];
        int read;
        using (var segment = SegmentFile.OpenRead(SegmentFile.PathOf(spoolDirectory, from.Segment)))
        {
            segment.Position = from.Offset;
            read = segment.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{from.Segment:D12}-{from.Offset}.corrupt");
        return Append(spoolDirectory, name, bytes.AsSpan(0, read), FileMode.Create);
    }

    private static void WriteLine(Utf8JsonWriter json, HistoryPoint point, string reason, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WriteString("rejectedAt", now);
        json.WriteString("reason", reason);
        json.WriteString("device", point.DeviceId);
        json.WriteString("model", point.ModelId);
        json.WriteString("customer", point.CustomerId);
        json.WriteString("ts", point.Timestamp);
        json.WriteStartObject("values");
        foreach (var value in point.Values)
        {
            // JSON has no NaN or infinity, and a poison value may well be one.
            if (double.IsFinite(value.Value))
            {
                json.WriteNumber(value.Property, value.Value);
            }
            else
            {
                json.WriteString(value.Property, value.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Append(string spoolDirectory, string name, ReadOnlySpan<byte> bytes, FileMode mode)
    {
        var folder = FolderOf(spoolDirectory);
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        using (var stream = new FileStream(path, mode, FileAccess.Write, FileShare.Read, bufferSize: 0))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        FolderEntries.Flush(folder);
        return path;
    }
}
