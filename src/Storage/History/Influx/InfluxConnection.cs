using System.Net.Http.Headers;
using System.Text;

namespace IotService.Storage.History.Influx;

/// <summary>
/// The endpoints every InfluxDB speaks (1.x, and the v1-compatible API of 2.x/3.x): <c>/write</c> and
/// <c>/query</c>. Throws <see cref="HistoryStoreUnavailableException"/> when InfluxDB cannot answer
/// (unreachable, timeout, 408, 429, 5xx) or refuses a write's credentials; returns every other answer.
/// </summary>
internal sealed class InfluxConnection
{
    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly Uri _writeUri;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    public InfluxConnection(HttpClient http, InfluxOptions options, TimeProvider timeProvider)
    {
        _http = http;
        _baseUri = new Uri(options.Url.EndsWith('/') ? options.Url : options.Url + "/");
        Database = options.Database;
        _writeUri = new Uri(_baseUri, $"write?db={Uri.EscapeDataString(Database)}&precision=ms");
        _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        _timeProvider = timeProvider;

        // Basic authentication rather than u=/p= in the query string, which would put the password in
        // every logged URL; 1.x and the v1 APIs of 2.x/3.x accept both.
        if (!string.IsNullOrEmpty(options.Username))
        {
            var credentials = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }
    }

    public string Database { get; }

    public async Task<InfluxWriteResult> WriteAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = new GzipContent(lines) };
        using var response = await SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new InfluxWriteResult((int)response.StatusCode, null);
        }

        var answer = InfluxResponse.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken), (int)response.StatusCode);
        var error = answer.Error ?? response.ReasonPhrase ?? "refused";
        if (answer.IsUnauthorized)
        {
            throw new HistoryStoreUnavailableException($"InfluxDB at {_baseUri} refused the credentials ({answer.StatusCode}): {error}");
        }

        // 1.x answers 400 when max-series-per-database or max-values-per-tag is reached: nothing is
        // wrong with the points, the operator must raise the limit (0 = none) — keep them until then.
        if (error.Contains("limit exceeded", StringComparison.Ordinal))
        {
            throw new HistoryStoreUnavailableException($"InfluxDB at {_baseUri} is at a configured limit ({answer.StatusCode}): {error}");
        }

        return new InfluxWriteResult(answer.StatusCode, error);
    }

    /// <summary>A read-only statement (SELECT, SHOW) as a chunked GET, so no row limit of the server truncates the answer.</summary>
    public Task<InfluxResponse> QueryAsync(string statement, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, $"query?db={Uri.EscapeDataString(Database)}&epoch=ms&chunked=true&chunk_size=10000&q={Uri.EscapeDataString(statement)}");
        return ReadAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
    }

    /// <summary>A statement that changes something (CREATE, ALTER, DROP, SELECT … INTO): InfluxDB wants those POSTed.</summary>
    public Task<InfluxResponse> ExecuteAsync(string statement, CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent([new("db", Database), new("epoch", "ms"), new("q", statement)]);
        return ReadAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, "query")) { Content = form }, cancellationToken);
    }

    private async Task<InfluxResponse> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var answer = InfluxResponse.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken), status);
            return response.IsSuccessStatusCode || answer.Error is not null ? answer : InfluxResponse.Failed(status, $"{status} {response.ReasonPhrase}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            // ResponseContentRead: the body is read under the same timeout.
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HistoryStoreUnavailableException($"InfluxDB at {_baseUri} did not answer within {_timeout.TotalSeconds:0.###} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HistoryStoreUnavailableException($"InfluxDB at {_baseUri} cannot be reached: {ex.Message}", ex);
        }

        var status = (int)response.StatusCode;
        if (status is 408 or 429 or >= 500)
        {
            // Overload and outages are nothing the points did: keep them for later.
            using (response)
            {
                var error = InfluxResponse.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken)).Error;
                throw new HistoryStoreUnavailableException($"InfluxDB at {_baseUri} answered {status} {response.ReasonPhrase}: {error}");
            }
        }

        return response;
    }
}
