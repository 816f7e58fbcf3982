namespace IotService.Contracts.Customers;

/// <summary>One grain per customer, keyed by customer id.</summary>
[Alias("IotService.Contracts.Customers.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<CustomerDefinition?> GetAsync();

    [Alias("Save")]
    Task<CustomerDefinition> SaveAsync(CustomerDefinition customer, bool mustNotExist);
}
