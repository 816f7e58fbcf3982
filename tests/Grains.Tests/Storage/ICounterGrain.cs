namespace IotService.Grains.Tests.Storage;

[Alias("IotService.Grains.Tests.Storage.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<int> Add(int amount);

    [Alias("Get")]
    Task<int> Get();
}
