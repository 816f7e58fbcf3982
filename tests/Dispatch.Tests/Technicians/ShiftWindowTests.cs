using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Tests.Technicians;

public sealed class ShiftWindowTests
{
    [Theory]
    [InlineData("08:00", "18:00", "08:00", true)]
    [InlineData("08:00", "18:00", "17:59", true)]
    [InlineData("08:00", "18:00", "18:00", false)]
    [InlineData("08:00", "18:00", "07:59", false)]
    [InlineData("22:00", "06:00", "22:00", true)]
    [InlineData("22:00", "06:00", "00:00", true)]
    [InlineData("22:00", "06:00", "05:59", true)]
    [InlineData("22:00", "06:00", "06:00", false)]
    [InlineData("22:00", "06:00", "12:00", false)]
    [InlineData("00:00", "00:00", "13:37", true)]
    public void StartIsInclusiveEndExclusiveAndEqualEndsMeanAllDay(string start, string end, string at, bool expected) =>
        Assert.Equal(expected, ShiftWindow.Parse(start, end).Contains(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("8:00", "18:30:15")]
    [InlineData("00:00", "23:59")]
    public void TimesOfDayAreRead(string start, string end) => Assert.True(ShiftWindow.TryParse(start, end, out _));

    [Theory]
    [InlineData(null, "18:00")]
    [InlineData("08:00", "")]
    [InlineData("25:00", "18:00")]
    [InlineData("08:00", "tomorrow")]
    [InlineData("2026-12-07T08:00", "18:00")]
    public void AnythingElseIsNotAShift(string? start, string? end)
    {
        Assert.False(ShiftWindow.TryParse(start, end, out _));
        Assert.Throws<FormatException>(() => ShiftWindow.Parse(start!, end!));
    }
}
