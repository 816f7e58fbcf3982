namespace IotService.Storage.Tests.GrainState;

[GenerateSerializer]
public sealed class TestState
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public int Count { get; set; }

    [Id(2)]
    public List<double> Readings { get; set; } = [];
}
