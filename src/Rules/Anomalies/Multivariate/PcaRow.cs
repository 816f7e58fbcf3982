namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>One standardised row as ML.NET loads it; the vector's width is set in the schema at fit time.</summary>
internal sealed class PcaRow
{
    public float[] Features { get; set; } = [];
}
