using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// ML.NET's randomized PCA on standardised rows, reduced to what scoring needs: the mean and the orthonormal
/// components, copied out of <see cref="PcaModelParameters"/>. Nothing of ML.NET outlives the fit, so scoring
/// never goes through a prediction engine.
/// </summary>
internal sealed class PcaFit
{
    private PcaFit(double[] mean, double[] components, int width, int rank)
    {
        (Mean, Components, Width, Rank) = (mean, components, width, rank);
    }

    public double[] Mean { get; }

    /// <summary><see cref="Rank"/> unit vectors of <see cref="Width"/> values, the strongest first.</summary>
    public double[] Components { get; }

    public int Width { get; }

    public int Rank { get; }

    public static PcaFit Run(float[] rows, int width, int rank, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(PcaRow));
        schema[nameof(PcaRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = ml.Data.LoadFromEnumerable(Rows(rows, width), schema);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = nameof(PcaRow.Features),
            Rank = rank,
            EnsureZeroMean = true,
            Seed = seed,
        });
        var parameters = trainer.Fit(data).Model;

        VBuffer<float> mean = default;
        parameters.GetMean(ref mean);
        var vectors = Array.Empty<VBuffer<float>>();
        parameters.GetEigenVectors(ref vectors, out var found);
        var meanValues = new double[width];
        var dense = mean.DenseValues().ToArray();
        for (var j = 0; j < Math.Min(width, dense.Length); j++)
        {
            meanValues[j] = dense[j];
        }

        var components = new double[found * width];
        for (var k = 0; k < found; k++)
        {
            var values = vectors[k].DenseValues().ToArray();
            for (var j = 0; j < width; j++)
            {
                components[(k * width) + j] = values[j];
            }
        }

        var kept = Orthonormalise(components, width, found);
        return new PcaFit(meanValues, components, width, kept);
    }

    /// <summary>The fewest leading components whose projections hold <paramref name="share"/> of the rows' variance about the mean.</summary>
    public int RankExplaining(float[] rows, double share)
    {
        var n = rows.Length / Width;
        var (total, captured) = (0.0, new double[Rank]);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < Width; j++)
            {
                var c = rows[(i * Width) + j] - Mean[j];
                total += c * c;
            }

            for (var k = 0; k < Rank; k++)
            {
                var projection = 0.0;
                for (var j = 0; j < Width; j++)
                {
                    projection += Components[(k * Width) + j] * (rows[(i * Width) + j] - Mean[j]);
                }

                captured[k] += projection * projection;
            }
        }

        var sum = 0.0;
        for (var k = 0; k < Rank; k++)
        {
            sum += captured[k];
            if (sum >= share * total)
            {
                return k + 1;
            }
        }

        return Rank;
    }

    // Gram–Schmidt: the float eigenvectors are close to orthonormal; exactly so, a projection removes what it should.
    private static int Orthonormalise(double[] components, int width, int rank)
    {
        var kept = 0;
        for (var k = 0; k < rank; k++)
        {
            var v = components.AsSpan(k * width, width);
            for (var m = 0; m < kept; m++)
            {
                var u = components.AsSpan(m * width, width);
                var dot = 0.0;
                for (var j = 0; j < width; j++)
                {
                    dot += u[j] * v[j];
                }

                for (var j = 0; j < width; j++)
                {
                    v[j] -= dot * u[j];
                }
            }

            var norm = 0.0;
            foreach (var x in v)
            {
                norm += x * x;
            }

            norm = Math.Sqrt(norm);
            if (norm < 1e-6 || !double.IsFinite(norm))
            {
                continue;
            }

            var target = components.AsSpan(kept * width, width);
            for (var j = 0; j < width; j++)
            {
                target[j] = v[j] / norm;
            }

            kept++;
        }

        return kept;
    }

    private static IEnumerable<PcaRow> Rows(float[] rows, int width)
    {
        for (var offset = 0; offset < rows.Length; offset += width)
        {
            yield return new PcaRow { Features = rows.AsSpan(offset, width).ToArray() };
        }
    }
}
