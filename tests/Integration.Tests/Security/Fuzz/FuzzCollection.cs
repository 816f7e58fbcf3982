namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// The fuzz keeps both cores busy for a while; run alone, it neither slows other tests past their waits nor is
/// slowed by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "fuzz";
}
