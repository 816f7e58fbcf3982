using System.Collections.Concurrent;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>Records each request on its way to the real influxd (through a real <see cref="SocketsHttpHandler"/>).</summary>
public sealed class RecordingHandler() : DelegatingHandler(InfluxStores.Handler())
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Reading the content buffers it; the buffered bytes are what is then sent.
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var encodings = request.Content?.Headers.ContentEncoding.ToArray() ?? [];
        Requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, encodings, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
