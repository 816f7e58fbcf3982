namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>One stored value of one property: the training input, as history gives it.</summary>
public readonly record struct MultivariateSample(DateTimeOffset Timestamp, double Value);
