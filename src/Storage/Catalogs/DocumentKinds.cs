namespace IotService.Storage.Catalogs;

public static class DocumentKinds
{
    public const string DeviceModel = "device-model";
    public const string Customer = "customer";
    public const string Technician = "technician";
}
