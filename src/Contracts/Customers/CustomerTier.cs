namespace IotService.Contracts.Customers;

public enum CustomerTier
{
    Standard = 0,
    Core = 1,
    Strategic = 2,
}
