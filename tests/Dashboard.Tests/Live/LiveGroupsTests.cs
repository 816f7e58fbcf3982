using IotService.Dashboard.Auth;
using IotService.Dashboard.Live;
using IotService.Dashboard.Tests.Auth;

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
        var user = Tickets.Principal("u", role, customerId, technicianId);

        Assert.Equal(expected, LiveGroups.For(user));
    }

    [Fact]
    public void ACustomerAccountWithoutACustomerIdJoinsNoCustomersGroup()
    {
        var user = Tickets.Principal("u", Roles.Customer);

        Assert.Equal(["user:u"], LiveGroups.For(user));
    }

    [Fact]
    public void ACustomerIdClaimOnAStaffAccountDoesNotAddACustomerGroup()
    {
        var user = Tickets.Principal("u", Roles.Dispatcher, "cust-1", "tech-1");

        Assert.Equal(["staff", "user:u"], LiveGroups.For(user));
    }
}
