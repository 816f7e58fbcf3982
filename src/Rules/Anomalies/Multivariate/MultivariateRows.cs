namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// Training rows of one device model: per device, its properties' series aligned per reading timestamp
/// (<see cref="MultivariateAlignment"/>), as float vectors in <see cref="Properties"/> order. Bounded by
/// <paramref name="maxRows"/>: rows beyond it are not kept (the host reads a bounded window anyway).
/// </summary>
public sealed class MultivariateRows(IReadOnlyList<string> properties, int maxRows = 10_000_000)
{
    private float[] _values = new float[Math.Max(2, properties.Count) * 1024];

    public IReadOnlyList<string> Properties { get; } = [.. properties];

    public int Width => Properties.Count;

    public int Count { get; private set; }

    /// <summary>Devices that gave at least one row.</summary>
    public int Devices { get; private set; }

    public DateTimeOffset From { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset To { get; private set; } = DateTimeOffset.MinValue;

    public ReadOnlySpan<float> Row(int index) => _values.AsSpan(index * Width, Width);

    /// <summary>Adds one device's rows: <paramref name="series"/> holds one time-ordered series per property, in <see cref="Properties"/> order.</summary>
    public void AddDevice(IReadOnlyList<IReadOnlyList<MultivariateSample>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count != Width)
        {
            throw new ArgumentException($"One series per property ({Width}).", nameof(series));
        }

        var next = new int[Width];
        var last = new double[Width];
        var stamps = new long[Width];
        var before = Count;
        while (Count < maxRows)
        {
            // The earliest timestamp not yet consumed by any property; every value at it is applied before the row is taken.
            var now = long.MaxValue;
            for (var j = 0; j < Width; j++)
            {
                if (next[j] < series[j].Count)
                {
                    now = Math.Min(now, series[j][next[j]].Timestamp.UtcTicks);
                }
            }

            if (now == long.MaxValue)
            {
                break;
            }

            for (var j = 0; j < Width; j++)
            {
                while (next[j] < series[j].Count && series[j][next[j]].Timestamp.UtcTicks == now)
                {
                    var value = series[j][next[j]++].Value;
                    if (double.IsFinite(value))
                    {
                        (last[j], stamps[j]) = (value, now);
                    }
                }
            }

            if (Aligned(stamps, now))
            {
                Append(last, now);
            }
        }

        Devices += Count > before ? 1 : 0;
    }

    private bool Aligned(long[] stamps, long now)
    {
        foreach (var stamp in stamps)
        {
            if (stamp == 0 || now - stamp > MultivariateAlignment.MaxSkewTicks)
            {
                return false;
            }
        }

        return true;
    }

    private void Append(double[] row, long ticks)
    {
        if ((Count + 1) * Width > _values.Length)
        {
            Array.Resize(ref _values, (int)Math.Min(Array.MaxLength, (long)_values.Length * 2));
        }

        var target = _values.AsSpan(Count * Width, Width);
        for (var j = 0; j < Width; j++)
        {
            target[j] = (float)row[j];
        }

        Count++;
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        From = at < From ? at : From;
        To = at > To ? at : To;
    }
}
