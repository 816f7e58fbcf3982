namespace IotService.Contracts.Dispatching;

/// <summary>An override quote, or why there is none (<see cref="Error"/> says it in words).</summary>
[GenerateSerializer, Immutable]
public sealed record DispatchQuoteResult(
    [property: Id(0)] DispatchQuoteOutcome Outcome,
    [property: Id(1)] DispatchQuote? Quote,
    [property: Id(2)] string? Error = null);
