using System.Globalization;
using IotService.Rules.Anomalies.Detection;

namespace IotService.Benchmarks.Nab;

/// <summary>
/// <c>nab &lt;nabDir&gt; &lt;outDir&gt;</c>: runs the hub's streaming detector, with the hub's default settings, over every
/// CSV under <c>&lt;nabDir&gt;/data/</c> (oldest row first, one detector per file, no look-ahead) and writes
/// <c>&lt;outDir&gt;/&lt;category&gt;/&lt;file&gt;.csv</c> as <c>timestamp,anomaly_score</c> for NAB's scorer
/// (<c>python3 ../shared/nab/score.py ../shared/nab &lt;outDir&gt;</c>).
/// </summary>
public static class NabRunner
{
    public static int Run(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: nab <nabDir> <outDir>");
            return 2;
        }

        var data = Path.Combine(args[0], "data");
        if (!Directory.Exists(data))
        {
            Console.Error.WriteLine($"{data} does not exist: <nabDir> must hold NAB's data/ folder.");
            return 2;
        }

        var files = Directory.EnumerateFiles(data, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var rows = 0L;
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var file in files)
        {
            var category = Path.GetFileName(Path.GetDirectoryName(file)!);
            var target = Path.Combine(args[1], category, Path.GetFileName(file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            rows += ScoreFile(file, target);
        }

        Console.WriteLine($"{files.Count} files, {rows} rows scored in {started.Elapsed.TotalSeconds:F1} s → {args[1]}");
        return 0;
    }

    private static long ScoreFile(string source, string target)
    {
        var detector = new SeriesDetector(DetectorSettings.Default);
        using var output = new StreamWriter(target);
        output.WriteLine("timestamp,anomaly_score");
        var rows = 0L;
        foreach (var line in File.ReadLines(source).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }

            var timestamp = line[..comma];
            var at = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var value = double.Parse(line.AsSpan(comma + 1), CultureInfo.InvariantCulture);
            var score = detector.Score(value, at);
            output.Write(timestamp);
            output.Write(',');
            output.WriteLine(score.ToString("R", CultureInfo.InvariantCulture));
            rows++;
        }

        return rows;
    }
}
