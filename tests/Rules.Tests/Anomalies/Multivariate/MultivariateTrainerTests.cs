using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Rules.Tests.Anomalies.Multivariate;

public sealed class MultivariateTrainerTests
{
    private static MultivariateModel Model => ChillerFleet.Model;

    [Fact]
    public void OneComponentCapturesSupplyAndReturnMovingTogether()
    {
        Assert.Equal(1, Model.Rank);
        Assert.Equal(ChillerFleet.Properties, Model.Properties);
        Assert.Equal((40 * 1440L, 40), (Model.Provenance.Rows, Model.Provenance.Devices));
        Assert.Equal((ChillerFleet.T0, ChillerFleet.T0.AddMinutes(1439)), (Model.Provenance.From, Model.Provenance.To));
    }

    [Fact]
    public void ARelationBrokenWithBothValuesInTheirNormalRangesScoresHigh()
    {
        // Supply 15 and return 10 are both ordinary values (supply 4–16, return 9–21); return below supply is not.
        var score = Model.Score([15, 10]);

        Assert.True(score > 0.99, $"score {score}");
    }

    [Fact]
    public void NormalReadingsScoreLow()
    {
        var random = new Random(99);
        var scores = Enumerable.Range(0, 5000).Select(m =>
        {
            var (supply, ret) = ChillerFleet.Reading(random, 1.0, m);
            return Model.Score([supply, ret]);
        }).Order().ToList();

        Assert.InRange(scores[scores.Count / 2], 0.1, 0.4);
        Assert.True(scores.Count(s => s >= MultivariateLevels.For(null).RaiseAt) <= 10, "at most 0.2% above the default raise level");
    }

    [Fact]
    public void TooFewRowsOrASinglePropertyTrainNothing()
    {
        Assert.Null(new MultivariateTrainer().Train(ChillerFleet.Rows(1, 100), ChillerFleet.T0));
        var single = new MultivariateRows(["supply"]);
        single.AddDevice([[.. Enumerable.Range(0, 1000).Select(m => new MultivariateSample(ChillerFleet.T0.AddMinutes(m), m))]]);
        Assert.Null(new MultivariateTrainer().Train(single, ChillerFleet.T0));
    }

    [Fact]
    public void TrainingIsRepeatable()
    {
        var again = new MultivariateTrainer().Train(ChillerFleet.Rows(40, 1440), ChillerFleet.T0.AddDays(1))!;

        Assert.Equal(Model.ToBytes(), again.ToBytes());
    }
}
