using System.Globalization;
using System.Text;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Alarms;

/// <summary>Publishes readings with their own timestamps, as a gateway replaying buffered data would: arrays of 100, each acknowledged before the next.</summary>
internal static class TimedReadings
{
    public const int PerMessage = 100;

    public static async Task PublishAsync(this MqttDevice device, IEnumerable<(DateTimeOffset At, IReadOnlyDictionary<string, double> Values)> readings)
    {
        foreach (var chunk in readings.Chunk(PerMessage))
        {
            var json = new StringBuilder("[");
            json.AppendJoin(',', chunk.Select(r => Reading(r.At, r.Values)));
            json.Append(']');
            await device.PublishAsync(json.ToString());
        }
    }

    private static string Reading(DateTimeOffset at, IReadOnlyDictionary<string, double> values)
    {
        var fields = string.Join(',', values.Select(v => string.Create(CultureInfo.InvariantCulture, $"\"{v.Key}\":{v.Value}")));
        return string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{at:O}}","values":{""") + fields + "}}";
    }
}
