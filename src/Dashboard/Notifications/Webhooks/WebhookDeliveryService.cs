using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>
/// Sends queued webhooks: one worker per target, in order, retrying transient failures with
/// exponential back-off. Retries wait inside the target's own worker, so they never hold up other targets.
/// </summary>
public sealed class WebhookDeliveryService(
    WebhookDispatcher dispatcher,
    WebhookDeliveryLog log,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    public const string HttpClientName = "IotService.Webhooks";

    private readonly WebhookOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(dispatcher.Queues.Select(queue => Task.Run(() => RunTargetAsync(queue.Key, queue.Value.Reader, stoppingToken), stoppingToken)));

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1-based): initial × 2^(attempt−1), or the
    /// receiver's longer <c>Retry-After</c>, never more than the cap.
    /// </summary>
    public static TimeSpan Backoff(WebhookOptions options, int attempt, TimeSpan? retryAfter = null)
    {
        var seconds = Math.Max(options.InitialBackoffSeconds * Math.Pow(2, attempt - 1), retryAfter?.TotalSeconds ?? 0);
        return TimeSpan.FromSeconds(Math.Min(seconds, options.MaxBackoffSeconds));
    }

    private async Task RunTargetAsync(string name, ChannelReader<WebhookJob> reader, CancellationToken stoppingToken)
    {
        var target = _options.Targets[name];
        try
        {
            await foreach (var job in reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(job, target, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // One bad delivery must not end the target's worker (or, through BackgroundService, the host).
                    log.Update(job.Id, d => d with { State = WebhookDeliveryState.Failed, Error = e.Message });
                    logger.DeliveryCrashed(e, job.Id, job.Target);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued or waiting stays Pending in the log.
        }
    }

    private async Task DeliverAsync(WebhookJob job, WebhookTarget target, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var at = time.GetUtcNow();
            var started = time.GetTimestamp();
            var (status, error, retryable, retryAfter) = await SendOnceAsync(job, target, stoppingToken);
            var record = new WebhookAttempt(at, status, error, time.GetElapsedTime(started).TotalMilliseconds);
            var reason = error ?? $"HTTP {status}";

            if (error is null && status is >= 200 and < 300)
            {
                log.Update(job.Id, d => d.WithAttempt(record) with { State = WebhookDeliveryState.Delivered, DeliveredAt = time.GetUtcNow() });
                logger.Delivered(job.Id, job.Target, attempt);
                return;
            }
            if (!retryable || attempt >= _options.MaxAttempts)
            {
                log.Update(job.Id, d => d.WithAttempt(record) with { State = WebhookDeliveryState.Failed, Error = retryable ? reason : reason + " (permanent)" });
                logger.GaveUp(job.Id, job.Target, attempt, reason);
                return;
            }

            var delay = Backoff(_options, attempt, retryAfter);
            // The timer starts before the attempt is recorded, so whoever reacts to the record
            // (a test advancing a fake clock) cannot act before the wait exists.
            var wait = Task.Delay(delay, time, stoppingToken);
            log.Update(job.Id, d => d.WithAttempt(record));
            logger.Retrying(job.Id, job.Target, attempt, reason, delay);
            await wait;
        }
    }

    private async Task<(int? Status, string? Error, bool Retryable, TimeSpan? RetryAfter)> SendOnceAsync(WebhookJob job, WebhookTarget target, CancellationToken stoppingToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
        WebhookSigner.Apply(request, target.Secret, job.EventType, job.Id, time.GetUtcNow().ToUnixTimeSeconds(), job.Body);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stoppingToken);
            return ((int)response.StatusCode, null, IsTransient(response.StatusCode), RetryAfter(response));
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (null, "Timed out", true, null);
        }
        catch (HttpRequestException e)
        {
            return (null, e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString(), true, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
