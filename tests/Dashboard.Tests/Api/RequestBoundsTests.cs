using IotService.Contracts.Customers;
using IotService.Contracts.Dispatching;
using IotService.Dashboard.Api;
using IotService.Dashboard.Api.Bounds;
using IotService.Dashboard.WorkOrders;

namespace IotService.Dashboard.Tests.Api;

public sealed class RequestBoundsTests
{
    [Fact]
    public void NamesMayHave200CharactersAndProseMayHave4000()
    {
        RequestBounds.Check(new CustomerDefinition("c", new string('n', 200), Contacts: [new Contact(new string('c', 200))]));
        RequestBounds.Check(new CreateWorkOrderRequest("d", Description: new string('d', 4000)));
        RequestBounds.Check(new WorkOrderActionRequest(Note: new string('n', 4000), Notes: new string('n', 4000), Comment: new string('c', 4000)));
    }

    [Fact]
    public void EveryFieldOverItsBoundIsNamedByItsJsonPath()
    {
        var body = new WorkOrderActionRequest(
            TechnicianId: new string('t', 201),
            Note: new string('n', 4001),
            Parts: [new PartRequest("relay", 1), new PartRequest(new string('p', 201), 1)]);

        var errors = Assert.Throws<RequestValidationException>(() => RequestBounds.Check(body)).Errors;

        Assert.Equal(["note", "parts[1].part", "technicianId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("at most 4000 characters", Assert.Single(errors["note"]));
        Assert.Equal("at most 200 characters", Assert.Single(errors["technicianId"]));
    }

    [Fact]
    public void ListsAndMapsAreBoundedInEntriesAndKeys()
    {
        var parts = Enumerable.Range(0, RequestBounds.MaxItems + 1).Select(i => new PartRequest("p" + i, 1)).ToList();
        var stock = new Dictionary<string, int> { [new string('k', 201)] = 1 };

        var tooMany = Assert.Throws<RequestValidationException>(() => RequestBounds.Check(new WorkOrderActionRequest(Parts: parts))).Errors;
        var longKey = Assert.Throws<RequestValidationException>(() => RequestBounds.Check(new SolveTechnician("t", [], new(0, 0), VanStock: stock))).Errors;

        Assert.Equal($"at most {RequestBounds.MaxItems} entries", Assert.Single(tooMany["parts"]));
        Assert.Equal("keys of at most 200 characters", Assert.Single(longKey["vanStock"]));
    }

    [Fact]
    public void NothingAndBodiesWithoutTextPass()
    {
        RequestBounds.Check(null);
        RequestBounds.Check(new Technicians.AvailabilityRequest(true));
    }
}
