using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>
/// Answers like an InfluxDB that accepts every statement, and answers each <c>/write</c> with the
/// next of the given statuses (the last one repeats): for failures a real influxd cannot be made to give.
/// </summary>
public sealed class StubInfluxHandler(params (HttpStatusCode Status, string Body)[] writeAnswers) : HttpMessageHandler
{
    private int _writes;

    /// <summary>Answer statements that change something (POSTed) with 403, as 1.x does for a user without admin rights.</summary>
    public bool RefuseChanges { get; init; }

    /// <summary>The InfluxQL statements received, in order.</summary>
    public ConcurrentQueue<string> Statements { get; } = new();

    public int Writes => _writes;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath == "/write")
        {
            var (status, body) = writeAnswers[Math.Min(Interlocked.Increment(ref _writes), writeAnswers.Length) - 1];
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        var form = request.Content is null ? request.RequestUri.Query.TrimStart('?') : await request.Content.ReadAsStringAsync(cancellationToken);
        var statement = form.Split('&').Select(p => p.Split('=', 2)).First(p => p[0] == "q")[1];
        Statements.Enqueue(Uri.UnescapeDataString(statement.Replace('+', ' ')));

        if (RefuseChanges && request.Method == HttpMethod.Post)
        {
            var refusal = "{\"error\":\"error authorizing query: reader not authorized to execute statement, requires admin privilege\"}";
            return new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(refusal, Encoding.UTF8, "application/json") };
        }

        var policies = """{"results":[{"statement_id":0,"series":[{"columns":["name"],"values":[["raw"],["downsampled"]]}]}]}""";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(policies, Encoding.UTF8, "application/json") };
    }
}
