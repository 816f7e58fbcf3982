using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IotService.Benchmarks.Sweep;

/// <summary>The sweep's figures: a Markdown table on the console as steps finish, and CSV + JSON beside the plot.</summary>
public static class SweepReport
{
    private const string Header =
        "| target | offered msg/s | acked msg/s | ack p50 ms | ack p99 ms | ack max ms | disk bytes/msg | relayed | server CPU % of a core | CPU µs/msg | load avg 1m |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|";

    private const string CsvHeader =
        "target,step,offered_msg_s,acked_msg_s,acked_messages,seconds,ack_p50_ms,ack_p99_ms,ack_max_ms," +
        "disk_write_bytes,disk_bytes_per_msg,relayed,hub_rejected,hub_dropped,load_avg_1m,cpu_seconds,cpu_us_per_msg";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void PrintHeader() => Console.WriteLine(Header);

    public static void PrintRow(StepResult r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Target} | {r.Step} | {r.Acknowledged:F0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F1} | {Number(r.DiskBytesPerMessage, "F0")} | {Number(r.RelayedShare * 100, "F0")}{(r.Relayed is null ? "" : " %")} | {Number(r.CpuSeconds / r.Seconds * 100, "F1")} | {Number(r.CpuMicrosecondsPerMessage, "F1")} | {Number(r.LoadAverage, "F2")} |"));

    /// <summary>Writes <c>{out}.csv</c> and <c>{out}.json</c> (the run's settings, when and where, and every step).</summary>
    public static void Write(SweepOptions o, SweepRun run, IReadOnlyList<StepResult> results)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.Out))!);
        var csv = new StringBuilder().AppendLine(CsvHeader);
        foreach (var r in results)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Target},{r.Step},{Number(r.Offered, "F0")},{r.Acknowledged:F1},{r.Messages},{r.Seconds:F3},{r.P50:F3},{r.P99:F3},{r.Max:F3}," +
                $"{r.DiskBytes},{Number(r.DiskBytesPerMessage, "F1")},{r.Relayed},{r.HubRejected},{r.HubDropped},{Number(r.LoadAverage, "F2")}," +
                $"{Number(r.CpuSeconds, "F3")},{Number(r.CpuMicrosecondsPerMessage, "F1")}"));
        }

        File.WriteAllText(o.Out + ".csv", csv.ToString());
        var document = new
        {
            run.Heading,
            run.Started,
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.VersionString, loadAverageBefore = run.LoadAverageBefore },
            o.Label,
            settings = new { o.Connections, o.Qos, o.Values, rules = true, o.Anomaly, o.StepSeconds, o.WarmupSeconds, o.HubArgs, o.RelayConf, o.StoragePath },
            run.Seed,
            steps = results,
        };
        File.WriteAllText(o.Out + ".json", JsonSerializer.Serialize(document, Json));
    }

    /// <summary>The heading and steps of a <c>.json</c> this class wrote, to draw its plot again.</summary>
    public static (string Heading, List<StepResult> Steps) Read(string path)
    {
        var document = JsonSerializer.Deserialize<SavedSweep>(File.ReadAllText(path), Json)
            ?? throw new ArgumentException($"{path} is empty.");
        return (document.Heading, document.Steps);
    }

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
