namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// How readings of separate properties make one row, alike in training and in the device: each property's latest
/// value is carried forward, and a row exists once every property has a value no older than <see cref="MaxSkew"/>
/// behind the newest. A property that stopped reporting thus stops the scoring rather than being compared, stale,
/// with fresh values of the others.
/// </summary>
public static class MultivariateAlignment
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(10);

    public static readonly long MaxSkewTicks = MaxSkew.Ticks;
}
