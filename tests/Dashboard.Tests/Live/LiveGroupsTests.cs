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

    [Theory]
    [InlineData(Roles.Admin, null, null)]
    [InlineData(Roles.Dispatcher, null, null)]
    [InlineData(Roles.Customer, "cust-1", null)]
    [InlineData(Roles.Technician, null, "tech-1")]
    public void EveryGroupAConnectionIsPutInPassesTheJoinCheck(string role, string? customerId, string? technicianId)
    {
        var user = Tickets.Principal("u", role, customerId, technicianId);

        Assert.All(LiveGroups.For(user), group => Assert.True(LiveGroups.MayJoin(user, group), group));
    }

    [Theory]
    [InlineData("staff", false)]
    [InlineData("customer:cust-1", true)]
    [InlineData("customer:cust-2", false)]
    [InlineData("technician:tech-1", false)]
    [InlineData("user:u", true)]
    [InlineData("user:someone-else", false)]
    [InlineData("customer:", false)]
    [InlineData("anything", false)]
    public void ACustomerMayJoinOnlyItsOwnCustomerAndUserGroups(string group, bool allowed)
    {
        Assert.Equal(allowed, LiveGroups.MayJoin(Tickets.Principal("u", Roles.Customer, "cust-1"), group));
    }

    [Theory]
    [InlineData("technician:tech-1", true)]
    [InlineData("technician:tech-2", false)]
    [InlineData("customer:cust-1", false)]
    [InlineData("staff", false)]
    public void ATechnicianMayJoinOnlyItsOwnTechnicianGroup(string group, bool allowed)
    {
        Assert.Equal(allowed, LiveGroups.MayJoin(Tickets.Principal("u", Roles.Technician, technicianId: "tech-1"), group));
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("customer:cust-9")]
    [InlineData("technician:tech-9")]
    public void StaffMayJoinEveryCustomerAndTechnicianGroupButNotAnotherUsersGroup(string group)
    {
        var dispatcher = Tickets.Principal("d", Roles.Dispatcher);

        Assert.True(LiveGroups.MayJoin(dispatcher, group));
        Assert.False(LiveGroups.MayJoin(dispatcher, "user:someone-else"));
    }
}
