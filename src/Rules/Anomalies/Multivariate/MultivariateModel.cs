namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// A trained multivariate detector for one device model: the joint normal behaviour of its properties across the
/// fleet, as the principal subspace of their standardised values. Immutable and shared by every device of the
/// model; scoring is plain arithmetic on these parameters (<see cref="Score"/>), no ML.NET.
/// </summary>
/// <remarks>
/// A row x is standardised per property, z = (x − Center) / Scale − Mean, projected on the <see cref="Rank"/>
/// components and reconstructed; the squared residual, summed over properties, is the reconstruction error, which
/// <see cref="Calibration"/> turns into a score. The reconstruction mapped back to real units is the value the
/// learned relation expects for each property.
/// </remarks>
public sealed class MultivariateModel
{
    private readonly double[] _center;
    private readonly double[] _scale;
    private readonly double[] _mean;
    private readonly double[] _components;

    public MultivariateModel(
        IReadOnlyList<string> properties, double[] center, double[] scale, double[] mean, double[] components, int rank,
        MultivariateCalibration calibration, MultivariateProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var p = properties.Count;
        if (p < 2 || center.Length != p || scale.Length != p || mean.Length != p || rank < 1 || rank >= p || components.Length != rank * p)
        {
            throw new ArgumentException("The parameters do not fit the properties.", nameof(properties));
        }

        Properties = [.. properties];
        (_center, _scale, _mean, _components) = (center, scale, mean, components);
        Rank = rank;
        Calibration = calibration;
        Provenance = provenance;
    }

    /// <summary>The properties, in the order every vector of the model uses.</summary>
    public IReadOnlyList<string> Properties { get; }

    public int Rank { get; }

    public MultivariateCalibration Calibration { get; }

    public MultivariateProvenance Provenance { get; }

    public int Version => Provenance.Version;

    internal ReadOnlySpan<double> Center => _center;

    internal ReadOnlySpan<double> ScaleOf => _scale;

    internal ReadOnlySpan<double> Mean => _mean;

    /// <summary>Rank rows of <see cref="Properties"/>.Count unit vectors each.</summary>
    internal ReadOnlySpan<double> Components => _components;

    /// <summary>This model as another version (the host numbers versions when it stores them).</summary>
    public MultivariateModel WithVersion(int version)
        => new(Properties, _center, _scale, _mean, _components, Rank, Calibration, Provenance with { Version = version });

    /// <summary>
    /// The calibrated score of one row in <see cref="Properties"/> order. <paramref name="residuals"/>, if not empty,
    /// receives each property's standardised residual (its contribution is the square), in the same order.
    /// </summary>
    public double Score(ReadOnlySpan<double> values, Span<double> residuals = default)
        => Calibration.Score(Error(values, residuals));

    /// <summary>The reconstruction error of one row: the sum of squared standardised residuals.</summary>
    public double Error(ReadOnlySpan<double> values, Span<double> residuals = default)
    {
        var p = _center.Length;
        if (values.Length != p)
        {
            throw new ArgumentException($"A row has {p} values.", nameof(values));
        }

        Span<double> z = p <= 64 ? stackalloc double[p] : new double[p];
        for (var j = 0; j < p; j++)
        {
            z[j] = ((values[j] - _center[j]) / _scale[j]) - _mean[j];
        }

        var residual = residuals.Length == p ? residuals : p <= 64 ? stackalloc double[p] : new double[p];
        z.CopyTo(residual);
        for (var k = 0; k < Rank; k++)
        {
            var v = _components.AsSpan(k * p, p);
            var projection = 0.0;
            for (var j = 0; j < p; j++)
            {
                projection += v[j] * z[j];
            }

            for (var j = 0; j < p; j++)
            {
                residual[j] -= projection * v[j];
            }
        }

        var error = 0.0;
        for (var j = 0; j < p; j++)
        {
            error += residual[j] * residual[j];
        }

        return error;
    }

    /// <summary>What the learned relation expects for property <paramref name="index"/> given its observed value and residual.</summary>
    public double Expected(int index, double observed, double residual) => observed - (residual * _scale[index]);

    public byte[] ToBytes() => MultivariateModelBytes.Write(this);

    /// <summary>The model <see cref="ToBytes"/> wrote, or null for bytes of another format or damaged ones (never throws).</summary>
    public static MultivariateModel? FromBytes(ReadOnlySpan<byte> bytes) => MultivariateModelBytes.Read(bytes);
}
