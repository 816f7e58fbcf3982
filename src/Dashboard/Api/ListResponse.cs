namespace IotService.Dashboard.Api;

/// <summary><c>{"items":[…],"nextCursor":"…"|null}</c></summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
