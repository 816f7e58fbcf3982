using System.Globalization;
using System.Text;

namespace IotService.Ingest.Tests.Payloads;

/// <summary>Builds reading JSON that is mostly well-formed but often wrong in its members and leaves.</summary>
internal sealed class ReadingGenerator(Random random)
{
    private static readonly string[] Declared = ["temperature", "rpm", "door"];

    private static readonly string[] Names =
    [
        "temperature", "rpm", "door", "humidity", "Temperature", "r\\u0070m", "\\ud800", "rp\\udc00m", "", "ts", "values",
    ];

    private static readonly string[] Leaves =
    [
        "true", "false", "null", "1e400", "-1e400", "1e-400", "\"x\"", "\"\\ud800\"", "{}", "[]", "[1,[2]]", "{\"a\":{\"b\":1}}",
        "99999999999999999999",
    ];

    private static readonly string[] Timestamps =
    [
        "\"2026-11-23T10:00:00Z\"", "\"2026-11-23T17:00:00+08:00\"", "1795428000000", "1795428000000.5", "1795427970e3", "0",
        "1e400", "\"bad\"", "null", "true", "{}", "\"2026-11-16T10:00:00Z\"", "\"2026-11-16T09:59:59.999Z\"",
        "\"2026-11-23T10:05:00Z\"", "\"2026-11-23T10:05:00.001Z\"", "\"2026-11-23T10:00:00\\ud800\"",
    ];

    private static readonly string[] Coordinates = ["0", "31.23", "-90", "90", "180", "-180", "90.5", "-180.1", "1e400", "\"1\"", "null", "[]"];

    private readonly Random _random = random;

    /// <summary>One reading object (a quarter of the time) or an array of up to five elements.</summary>
    public string Next()
    {
        var text = new StringBuilder();
        if (_random.Next(4) == 0)
        {
            AppendReading(text);
            return text.ToString();
        }

        text.Append('[');
        int count = _random.Next(0, 6);
        for (int i = 0; i < count; i++)
        {
            text.Append(i > 0 ? "," : string.Empty);
            if (_random.Next(10) == 0)
            {
                text.Append(Pick(Leaves));
            }
            else
            {
                AppendReading(text);
            }
        }

        return text.Append(']').ToString();
    }

    private void AppendReading(StringBuilder text)
    {
        text.Append('{');
        int members = _random.Next(0, 5);
        for (int i = 0; i < members; i++)
        {
            text.Append(i > 0 ? "," : string.Empty);
            switch (_random.Next(6))
            {
                case 0 or 1 or 2:
                    text.Append("\"values\":");
                    AppendValues(text);
                    break;
                case 3:
                    text.Append("\"ts\":").Append(Pick(Timestamps));
                    break;
                case 4:
                    text.Append("\"location\":").Append(_random.Next(5) == 0
                        ? Pick(Leaves)
                        : $"{{\"lat\":{Pick(Coordinates)},\"lon\":{Pick(Coordinates)}}}");
                    break;
                default:
                    text.Append("\"fw\":").Append(Pick(Leaves));
                    break;
            }
        }

        text.Append('}');
    }

    private void AppendValues(StringBuilder text)
    {
        if (_random.Next(10) == 0)
        {
            text.Append(Pick(Leaves));
            return;
        }

        text.Append('{');
        int count = _random.Next(0, 6);
        for (int i = 0; i < count; i++)
        {
            string value = _random.Next(3) == 0
                ? Pick(Leaves)
                : ((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-5, 20))).ToString("R", CultureInfo.InvariantCulture);
            text.Append(i > 0 ? "," : string.Empty).Append('"').Append(_random.Next(2) == 0 ? Pick(Declared) : Pick(Names)).Append("\":").Append(value);
        }

        text.Append('}');
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
