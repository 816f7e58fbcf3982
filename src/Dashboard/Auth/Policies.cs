namespace IotService.Dashboard.Auth;

public static class Policies
{
    /// <summary>Administrators only.</summary>
    public const string Admin = "admin";

    /// <summary>Administrators and dispatchers: the operator staff who see every customer's things.</summary>
    public const string Staff = "staff";

    /// <summary>Staff and technicians: the people who work on alarms and devices.</summary>
    public const string FieldStaff = "field-staff";
}
