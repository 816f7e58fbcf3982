namespace IotService.Storage.Tests.GrainState;

[Alias("IotService.Storage.Tests.GrainState.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<int> Add(int amount);

    [Alias("Get")]
    Task<int> Get();
}
