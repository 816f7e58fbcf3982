namespace IotService.Dashboard.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Dispatcher = "dispatcher";
    public const string Technician = "technician";
    public const string Customer = "customer";

    public static readonly string[] All = [Admin, Dispatcher, Technician, Customer];
}
