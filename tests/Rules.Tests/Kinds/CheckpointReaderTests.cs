using IotService.Rules.Kinds;

namespace IotService.Rules.Tests.Kinds;

public sealed class CheckpointReaderTests
{
    private static readonly DateTimeOffset Local = new(2026, 5, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void ReadsBackWhatWasWrittenWithTimesAsTheSameInstant()
    {
        var bytes = new CheckpointWriter(7).Time(Local).Time((DateTimeOffset?)null).Flag(true).Number(-2.5).ToArray();

        var reader = new CheckpointReader(bytes);
        var (time, missing, flag, number) = (reader.Time(), reader.OptionalTime(), reader.Flag(), reader.Number());

        Assert.True(reader.Succeeded);
        Assert.Equal((byte)7, reader.Version);
        Assert.Equal((Local, (DateTimeOffset?)null, true, -2.5), (time, missing, flag, number));
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void AShortCheckpointFailsWithoutThrowing()
    {
        var bytes = new CheckpointWriter(1).Time(Local).ToArray();

        var reader = new CheckpointReader(bytes[..5]);
        reader.Time();

        Assert.False(reader.Succeeded);
    }

    [Fact]
    public void BytesLeftOverFail()
    {
        var reader = new CheckpointReader(new CheckpointWriter(1).Flag(true).Flag(false).ToArray());
        reader.Flag();

        Assert.False(reader.Succeeded);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2 })]
    public void AnEmptyCheckpointOrAFlagThatIsNeitherFails(byte[] bytes)
    {
        var reader = new CheckpointReader(bytes);
        reader.Flag();

        Assert.False(reader.Succeeded);
    }
}
