namespace IotService.Grains.Anomalies;

/// <summary>A model's current multivariate detector as stored: its version and <c>MultivariateModel.ToBytes()</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainedDetector([property: Id(0)] int Version, [property: Id(1)] byte[] Data);
