namespace IotService.Ingest.Payloads;

/// <summary>The closed interval a property's values must lie in; open ends are infinite.</summary>
public readonly record struct PropertyRange(double Min, double Max)
{
    public static readonly PropertyRange Unbounded = new(double.NegativeInfinity, double.PositiveInfinity);

    public static PropertyRange Of(double? min, double? max) => new(min ?? double.NegativeInfinity, max ?? double.PositiveInfinity);

    public bool Contains(double value) => value >= Min && value <= Max;
}
