using IotService.Dashboard.Auth;
using IotService.Dashboard.Live;

namespace IotService.Dashboard.Tests.Live;

public sealed class LiveGroupsTests
{
    [Theory]
    [InlineData(Roles.Admin, null, null, new[] { "staff", "user:u" })]
    [InlineData(Roles.Dispatcher, null, null, new[] { "staff", "user:u" })]
    [InlineData(Roles.Customer, "cust-1", null, new[] { "customer:cust-1", "user:u" })]
    [InlineData(Roles.Technician, null, "tech-1", new[] { "technician:tech-1", "user:u" })]
    public void EachRoleJoinsItsOwnGroupsAndItsUserGroup(string role, string? customerId, string? technicianId, string[] expected)
    {
        var user = TokenService.Principal("u", role, customerId, technicianId, "Bearer");

        Assert.Equal(expected, LiveGroups.For(user));
    }

    [Fact]
    public void ACustomerAccountWithoutACustomerIdJoinsNoCustomersGroup()
    {
        var user = TokenService.Principal("u", Roles.Customer, null, null, "Bearer");

        Assert.Equal(["user:u"], LiveGroups.For(user));
    }

    [Fact]
    public void ACustomerIdClaimOnAStaffAccountDoesNotAddACustomerGroup()
    {
        var user = TokenService.Principal("u", Roles.Dispatcher, "cust-1", "tech-1", "Bearer");

        Assert.Equal(["staff", "user:u"], LiveGroups.For(user));
    }
}
