using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// Sends seeded, mutated bodies and query strings to the hub's routes as each role would, and keeps every answer's
/// status. The hub may refuse anything it likes; it may not answer 500.
/// </summary>
public sealed class HttpFuzzer(Random random, Uri baseAddress, IReadOnlyDictionary<string, string?> tokens)
{
    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/problem+json", "", "application/json; charset=latin1"];

    private static readonly string[] Blanks = [" ", "  ", "\t", "\u00a0", new string('x', 300), "..", "%", "a b"];

    private readonly JsonMutator _mutator = new(random);

    public sealed record Target(HttpMethod Method, string Path, JsonNode? Body, string Role = "admin");

    public sealed record Answer(string Request, int Status, string Body);

    public async Task<IReadOnlyList<Answer>> RunAsync(IReadOnlyList<Target> targets, int count, int parallel)
    {
        var handlers = tokens.ToDictionary(t => t.Key, t => Client(t.Value));
        var plan = Enumerable.Range(0, count).Select(_ => Next(targets)).ToList();
        var failures = new List<Answer>();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (request, ct) =>
        {
            using var message = request.Message;
            using var response = await handlers[request.Role].SendAsync(message, ct);
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                lock (failures)
                {
                    failures.Add(new Answer(request.Description, (int)response.StatusCode, body));
                }
            }
        });
        foreach (var client in handlers.Values)
        {
            client.Dispose();
        }

        return failures;
    }

    private (HttpRequestMessage Message, string Role, string Description) Next(IReadOnlyList<Target> targets)
    {
        var target = targets[random.Next(targets.Count)];
        var path = random.Next(10) == 0 ? MutatePath(target.Path) : target.Path;
        var message = new HttpRequestMessage(target.Method, path);
        string description;
        if (target.Body is null)
        {
            description = $"{target.Method} {path}";
        }
        else
        {
            var body = _mutator.Mutate(target.Body);
            message.Content = new ByteArrayContent(body);
            var type = random.Next(6) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : "application/json";
            if (type.Length > 0 && MediaTypeHeaderValue.TryParse(type, out var header))
            {
                message.Content.Headers.ContentType = header;
            }

            description = $"{target.Method} {path} [{type}] {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 300)]}";
        }

        return (message, target.Role, description);
    }

    private string MutatePath(string path)
    {
        var at = path.IndexOf('?', StringComparison.Ordinal);
        var junk = Uri.EscapeDataString(random.Next(3) == 0 ? Blanks[random.Next(Blanks.Length)] : _mutator.RandomValue()?.ToJsonString() ?? "null");
        return at < 0
            ? path[..(path.LastIndexOf('/') + 1)] + junk
            : path[..(at + 1)] + string.Join('&', path[(at + 1)..].Split('&').Select(kv => kv[..(kv.IndexOf('=') + 1)] + (random.Next(2) == 0 ? junk : kv[(kv.IndexOf('=') + 1)..])));
    }

    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
