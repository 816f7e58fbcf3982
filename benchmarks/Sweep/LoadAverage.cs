using System.Globalization;

namespace IotService.Benchmarks.Sweep;

/// <summary>
/// The machine's 1-minute load average (<c>/proc/loadavg</c>), recorded with each figure: on a shared 2-core
/// machine other work moves the results, and a reader needs to know how busy it was.
/// </summary>
public static class LoadAverage
{
    public static double? OneMinute()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
