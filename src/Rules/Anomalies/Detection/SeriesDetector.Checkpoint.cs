using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>Appends everything the detector has learned, so a restored detector scores the next reading identically.</summary>
    public void WriteTo(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Whole(_seen).Number(_last).Number(_shortLevel).Number(_longLevel);
        foreach (var error in _predictorError)
        {
            writer.Number(error);
        }

        writer.Numbers(_profile).Numbers(_remarkable).Numbers(_recentSurprise).Whole(_recentIndex)
            .Number(_usualMean).Number(_usualSpread).Number(_usualSustainedMean).Number(_usualSustainedSpread).Number(_usualGapMean).Number(_usualGapSpread).Number(_judgedGapMean).Number(_judgedGapSpread)
            .Number(_eventBest).Whole(_calm).Time(_eventSince).Number(Expected).Number(ExpectedSpread)
            .Number(_median).Number(_medianDistance).Number(_recentExcursions).Number(_usualExcursions).Number(_countVariance)
            .Number(_densityBest).Whole(_densityCalm)
            .Numbers(_contextValue).Numbers(_contextPrevious).Whole(_contextNext).Number(_previousPosition).Time(_burstSince);
        foreach (var at in _contextAt)
        {
            writer.Whole(at);
        }
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; the caller checks <see cref="CheckpointReader.Succeeded"/>.</summary>
    public static SeriesDetector ReadFrom(ref CheckpointReader reader, DetectorSettings? settings = null)
    {
        var detector = new SeriesDetector(settings);
        detector._seen = reader.Whole();
        detector._last = reader.Number();
        detector._shortLevel = reader.Number();
        detector._longLevel = reader.Number();
        for (var i = 0; i < PredictorCount; i++)
        {
            detector._predictorError[i] = reader.Number();
        }

        reader.Numbers(detector._profile);
        reader.Numbers(detector._remarkable);
        reader.Numbers(detector._recentSurprise);
        detector._recentIndex = (int)reader.Whole();
        detector._usualMean = reader.Number();
        detector._usualSpread = reader.Number();
        detector._usualSustainedMean = reader.Number();
        detector._usualSustainedSpread = reader.Number();
        detector._usualGapMean = reader.Number();
        detector._usualGapSpread = reader.Number();
        detector._judgedGapMean = reader.Number();
        detector._judgedGapSpread = reader.Number();
        detector._eventBest = reader.Number();
        detector._calm = (int)reader.Whole();
        detector._eventSince = reader.OptionalTime();
        detector.Expected = reader.Number();
        detector.ExpectedSpread = reader.Number();
        detector._median = reader.Number();
        detector._medianDistance = reader.Number();
        detector._recentExcursions = reader.Number();
        detector._usualExcursions = reader.Number();
        detector._countVariance = reader.Number();
        detector._densityBest = reader.Number();
        detector._densityCalm = (int)reader.Whole();
        reader.Numbers(detector._contextValue);
        reader.Numbers(detector._contextPrevious);
        detector._contextNext = (int)reader.Whole();
        detector._previousPosition = reader.Number();
        detector._burstSince = reader.OptionalTime();
        for (var i = 0; i < detector._contextAt.Length; i++)
        {
            detector._contextAt[i] = reader.Whole();
        }

        return detector;
    }
}
