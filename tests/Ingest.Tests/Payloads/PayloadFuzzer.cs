using System.Text;

namespace IotService.Ingest.Tests.Payloads;

/// <summary>Deterministic generator of hostile payloads: mutated valid payloads and random JSON-ish token soup.</summary>
internal sealed class PayloadFuzzer
{
    private static readonly string[] Seeds =
    [
        """{"ts":"2026-11-23T10:00:00.000Z","values":{"temperature":71.3,"rpm":1200,"door":true},"location":{"lat":31.23,"lon":121.47}}""",
        """[{"ts":1795427970000,"values":{"rpm":1,"door":false}},{"values":{"temperature":-1.5e2},"location":{"lat":-90,"lon":180}},{"values":{"rpm":3}}]""",
        """{"values":{"temp\u0065rature":1,"r\u0070m":2,"humidity":3},"fw":{"v":[1,2,{"x":null}]},"ts":null,"location":null}""",
        """[{"values":{"door":true}},1,"x",{"values":{}},{"values":{"rpm":1e400}},{"ts":"bad","values":{"rpm":1}}]""",
        """ [ { "values" : { "rpm" : 0.000001 , "door" : true } , "ts" : "2026-11-23T09:59:59+00:00" } ] """,
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\"values\"", "\"ts\"", "\"location\"", "\"lat\"", "\"lon\"",
        "\"temperature\"", "\"rpm\"", "\"door\"", "\"humidity\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud83d\\ude00\"",
        "\"r\\ud800pm\"", "\"\\u0072pm\"", "1", "-0", "1e400", "-1e400", "1e-400", "1.5", "NaN", "Infinity", "true", "false",
        "null", "\"2026-11-23T10:00:00Z\"", "1795428000000", "\"\"", "{}", "[]", " ", "\n", "\t", "/*", "*/", "//", "\u00e9",
        "\"\\u\"", "\"\\x\"", "99999999999999999999999999", "0x10", "+1", ".5",
    ];

    private static readonly byte[] InterestingBytes =
        "{}[]\",:\\0123456789-+.eEtfn \n"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xF0, 0xF4, 0xFF }).ToArray();

    private readonly Random _random;
    private readonly ReadingGenerator _readings;

    public PayloadFuzzer(int seed)
    {
        _random = new Random(seed);
        _readings = new ReadingGenerator(_random);
    }

    public Random Random => _random;

    /// <summary>A valid seed payload with one to four random mutations applied.</summary>
    public byte[] Mutated()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(Seeds[_random.Next(Seeds.Length)]));
        int mutations = _random.Next(1, 5);
        for (int i = 0; i < mutations && bytes.Count > 0; i++)
        {
            Mutate(bytes);
        }

        return [.. bytes];
    }

    /// <summary>Random tokens, sometimes separated by whitespace, sometimes glued together.</summary>
    public byte[] TokenSoup()
    {
        var text = new StringBuilder();
        int count = _random.Next(1, 60);
        for (int i = 0; i < count; i++)
        {
            text.Append(Tokens[_random.Next(Tokens.Length)]);
            if (_random.Next(3) == 0)
            {
                text.Append(' ');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Mostly well-formed readings, or arrays of them, whose members and leaves are often wrong.</summary>
    public byte[] Structured()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(_readings.Next()));
        if (_random.Next(5) == 0)
        {
            Mutate(bytes);
        }

        return [.. bytes];
    }

    /// <summary>Cut offsets for splitting a payload of <paramref name="length"/> bytes into segments.</summary>
    public int[] Cuts(int length)
    {
        int count = length == 0 ? 0 : _random.Next(0, 4);
        return [.. Enumerable.Range(0, count).Select(_ => _random.Next(length + 1)).Order()];
    }

    private void Mutate(List<byte> bytes)
    {
        int at = _random.Next(bytes.Count);
        switch (_random.Next(8))
        {
            case 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                bytes[at] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]));
                break;
            case 3:
                bytes.RemoveRange(at, _random.Next(1, Math.Min(16, bytes.Count - at) + 1));
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 5:
                int length = _random.Next(1, Math.Min(32, bytes.Count - at) + 1);
                bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 6:
                bytes.Insert(at, (byte)_random.Next(0x80, 0x100));
                break;
            default:
                byte[] other = Encoding.UTF8.GetBytes(Seeds[_random.Next(Seeds.Length)]);
                int from = _random.Next(other.Length);
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(from).ToArray());
                break;
        }
    }
}
