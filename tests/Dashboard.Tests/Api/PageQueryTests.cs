using IotService.Contracts.Common;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Api;

namespace IotService.Dashboard.Tests.Api;

public sealed class PageQueryTests
{
    [Fact]
    public void AListFilterTakesStateNamesAsTheApiWritesThem()
        => Assert.Equal([WorkOrderState.OnSite, WorkOrderState.OnHold, WorkOrderState.New], PageQuery.EnumList<WorkOrderState>("on-site, on-hold,new", "state"));

    [Fact]
    public void AListFilterStillTakesMemberNamesInAnyCase()
        => Assert.Equal([Severity.Critical, Severity.Major], PageQuery.EnumList<Severity>("CRITICAL,Major", "severity"));

    [Fact]
    public void AnUnknownOrNumericNameIsRefusedWithTheNamesTheApiWrites()
    {
        var error = Assert.Throws<RequestValidationException>(() => PageQuery.EnumList<WorkOrderState>("onsite-now", "state"));
        Assert.Contains("on-site", string.Join(" ", error.Errors["state"]), StringComparison.Ordinal);
        Assert.Throws<RequestValidationException>(() => PageQuery.EnumList<Severity>("4", "severity"));
    }
}
