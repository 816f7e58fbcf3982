using System.Text.Json;

namespace IotService.Storage.History.Influx;

/// <summary>
/// Reads <c>/query</c> answers: <c>{"results":[{"statement_id":0,"series":[{"columns":[…],"values":[[…]]}],"error":"…"}]}</c>.
/// A chunked answer is one such document per line, each holding the next rows. Queries are not the
/// hot path, so a <see cref="JsonDocument"/> per document is plenty.
/// </summary>
internal sealed class InfluxResponse
{
    private InfluxResponse(string? error, int statusCode)
    {
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>The server's complaint (top-level or about a statement), or null.</summary>
    public string? Error { get; }

    public int StatusCode { get; }

    /// <summary>401/403: the credentials are wrong or lack a right — the operator's problem, never the data's.</summary>
    public bool IsUnauthorized => StatusCode is 401 or 403;

    /// <summary>Rows of <c>time, v1, v2, …</c> queried with <c>epoch=ms</c>: each row's time, then its numbers (null where InfluxDB has none).</summary>
    public List<long> Times { get; } = [];

    public List<double?> Numbers { get; } = [];

    /// <summary>The first column of every row when it is text (e.g. the names from <c>SHOW RETENTION POLICIES</c>).</summary>
    public List<string> Names { get; } = [];

    public static InfluxResponse Failed(int statusCode, string error) => new(error, statusCode);

    public static InfluxResponse Read(ReadOnlyMemory<byte> body, int statusCode = 200)
    {
        string? error = null;
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var line in body.Span.Split((byte)'\n'))
            {
                if (!body.Span[line].Trim(" \r\t"u8).IsEmpty)
                {
                    documents.Add(JsonDocument.Parse(body[line]));
                }
            }

            foreach (var document in documents)
            {
                error ??= FindError(document.RootElement);
            }

            var response = new InfluxResponse(error, statusCode);
            foreach (var document in documents)
            {
                response.AddRows(document.RootElement);
            }

            return response;
        }
        catch (JsonException ex)
        {
            return new InfluxResponse("unreadable answer: " + ex.Message, statusCode);
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    private static string? FindError(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "unexpected answer: " + root.GetRawText();
        }

        if (root.TryGetProperty("error", out var error))
        {
            return error.ToString();
        }

        if (root.TryGetProperty("results", out var results))
        {
            foreach (var result in results.EnumerateArray())
            {
                if (result.TryGetProperty("error", out error))
                {
                    return error.ToString();
                }
            }
        }

        return null;
    }

    private void AddRows(JsonElement root)
    {
        if (!root.TryGetProperty("results", out var results))
        {
            return;
        }

        foreach (var result in results.EnumerateArray())
        {
            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var table in series.EnumerateArray())
            {
                if (table.TryGetProperty("values", out var rows))
                {
                    foreach (var row in rows.EnumerateArray())
                    {
                        AddRow(row);
                    }
                }
            }
        }
    }

    private void AddRow(JsonElement row)
    {
        var cells = row.EnumerateArray();
        if (!cells.MoveNext())
        {
            return;
        }

        var first = cells.Current;
        if (first.ValueKind == JsonValueKind.String)
        {
            Names.Add(first.GetString()!);
            return;
        }

        Times.Add(first.GetInt64());
        while (cells.MoveNext())
        {
            Numbers.Add(cells.Current.ValueKind == JsonValueKind.Number ? cells.Current.GetDouble() : null);
        }
    }
}
