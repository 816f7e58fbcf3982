using Microsoft.AspNetCore.Identity;

namespace IotService.Dashboard.Users;

/// <summary>Identity's normalized user name is the catalog key: lower case, the form accounts were always stored under.</summary>
public sealed class LowercaseLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : HubUser.Normalize(name);

    public string? NormalizeEmail(string? email) => email?.ToLowerInvariant();
}
