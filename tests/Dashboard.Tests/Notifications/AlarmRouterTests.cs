using IotService.Contracts.Alarms;
using IotService.Contracts.Customers;
using IotService.Dashboard.Notifications;

namespace IotService.Dashboard.Tests.Notifications;

public sealed class AlarmRouterTests
{
    private static readonly CustomerDefinition Acme = new("cust-1", "Acme", Owner: "alice", Supervisor: "bob");

    private static Func<string, bool> Configured(params string[] targets) => name => targets.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string[] Live(AlarmRoute route) => route.Live.Select(m => $"{m.Method} → {m.Group}").ToArray();

    private static string[] Webhooks(AlarmRoute route) => route.Webhooks.Select(w => $"{w.EventType} → {w.Target} ({w.Payload.Audience})").ToArray();

    [Fact]
    public void EveryChangeGoesToStaffAndToTheAlarmsCustomer()
    {
        var route = AlarmRouter.Plan(Alarms.Change("cust-1"), Acme, Configured());

        Assert.Equal(["alarm → staff", "alarm → customer:cust-1"], Live(route));
        var payload = Assert.IsType<AlarmEvent>(route.Live[1].Payload);
        Assert.Equal(("raised", "alarm-1"), (payload.Event, payload.Alarm.Id));
        Assert.Empty(route.Webhooks);
    }

    [Fact]
    public void TheCustomerGetsItsOwnViewOfTheAlarmAndEveryoneElseTheFullOne()
    {
        var change = Alarms.Change("cust-1", NotifyAudience.Owner, NotifyAudience.Customer);

        var route = AlarmRouter.Plan(change, Acme, Configured("owner", "customer:cust-1"), a => a with { LastValue = -1 });

        var seen = route.Live.Select(m => (m.Group, m.Payload switch
        {
            AlarmEvent e => e.Alarm.LastValue,
            AlarmNotification n => n.Alarm.LastValue,
            _ => null,
        })).ToArray();
        Assert.Equal(
            [("staff", change.Alarm.LastValue), ("customer:cust-1", -1), ("user:alice", change.Alarm.LastValue), ("customer:cust-1", -1)],
            seen);
        Assert.Equal([change.Alarm.LastValue, -1], route.Webhooks.Select(w => w.Payload.Alarm.LastValue));
    }

    [Fact]
    public void AnAlarmWithoutACustomerGoesToStaffOnly()
    {
        var route = AlarmRouter.Plan(Alarms.Change(null), null, Configured());

        Assert.Equal(["alarm → staff"], Live(route));
    }

    [Fact]
    public void OwnerAndSupervisorAreToldByUserNameAndByTheirOwnWebhookTargets()
    {
        var route = AlarmRouter.Plan(Alarms.Change("cust-1", NotifyAudience.Owner, NotifyAudience.Supervisor), Acme, Configured("owner", "supervisor", "default"));

        Assert.Equal(["alarm → staff", "alarm → customer:cust-1", "notification → user:alice", "notification → user:bob"], Live(route));
        Assert.Equal(["alarm.raised → owner (owner)", "alarm.raised → supervisor (supervisor)"], Webhooks(route));
        var notification = Assert.IsType<AlarmNotification>(route.Live[2].Payload);
        Assert.Equal(("owner", "raised", "alarm-1"), (notification.Audience, notification.Event, notification.Alarm.Id));
    }

    [Fact]
    public void TheCustomerIsToldInItsGroupAndByItsOwnWebhookTarget()
    {
        var route = AlarmRouter.Plan(Alarms.Change("cust-1", NotifyAudience.Customer), Acme, Configured("customer:cust-1", "default"));

        Assert.Equal(["alarm → staff", "alarm → customer:cust-1", "notification → customer:cust-1"], Live(route));
        Assert.Equal(["alarm.raised → customer:cust-1 (customer)"], Webhooks(route));
    }

    [Fact]
    public void WebhooksFallBackToTheDefaultTargetWhenTheAudiencesOwnIsNotConfigured()
    {
        var route = AlarmRouter.Plan(
            Alarms.Change("cust-1", NotifyAudience.Owner, NotifyAudience.Supervisor, NotifyAudience.Customer), Acme, Configured("owner", "default", "customer:cust-2"));

        Assert.Equal(["alarm.raised → owner (owner)", "alarm.raised → default (supervisor)", "alarm.raised → default (customer)"], Webhooks(route));
    }

    [Fact]
    public void NoWebhookIsSentWhenNeitherTheTargetNorDefaultIsConfigured()
    {
        var route = AlarmRouter.Plan(Alarms.Change("cust-1", NotifyAudience.Owner, NotifyAudience.Customer), Acme, Configured("supervisor", "customer:cust-2"));

        Assert.Empty(route.Webhooks);
        Assert.Equal(["alarm → staff", "alarm → customer:cust-1", "notification → user:alice", "notification → customer:cust-1"], Live(route));
    }

    [Fact]
    public void OwnerAndSupervisorGoToStaffWhenTheCustomerNamesNobody()
    {
        var route = AlarmRouter.Plan(
            Alarms.Change("cust-1", NotifyAudience.Owner, NotifyAudience.Supervisor), new CustomerDefinition("cust-1", "Acme", Owner: " "), Configured("owner"));

        Assert.Equal(["alarm → staff", "alarm → customer:cust-1", "notification → staff", "notification → staff"], Live(route));
        Assert.Equal(["alarm.raised → owner (owner)"], Webhooks(route));
    }

    [Fact]
    public void OwnerGoesToStaffWhenTheCustomerIsUnknownOrCouldNotBeLookedUp()
    {
        var route = AlarmRouter.Plan(Alarms.Change("cust-1", NotifyAudience.Owner, NotifyAudience.Customer), customer: null, Configured());

        Assert.Equal(["alarm → staff", "alarm → customer:cust-1", "notification → staff", "notification → customer:cust-1"], Live(route));
    }

    [Fact]
    public void WithoutACustomerTheOwnerGoesToStaffAndTheCustomerAudienceIsSkipped()
    {
        var route = AlarmRouter.Plan(Alarms.Change(null, NotifyAudience.Owner, NotifyAudience.Customer), null, Configured("owner", "default"));

        Assert.Equal(["alarm → staff", "notification → staff"], Live(route));
        Assert.Equal(["alarm.raised → owner (owner)"], Webhooks(route));
    }

    [Fact]
    public void AnAudienceListedTwiceIsToldOnce()
    {
        var route = AlarmRouter.Plan(Alarms.Change("cust-1", NotifyAudience.Owner, NotifyAudience.Owner), Acme, Configured("owner"));

        Assert.Single(route.Live, m => m.Group == "user:alice");
        Assert.Single(route.Webhooks);
    }

    [Fact]
    public void TheWebhookEventTypeIsTheChangesEventPrefixedWithAlarm()
    {
        var change = Alarms.Change("cust-1", NotifyAudience.Owner) with { Event = "escalated" };

        var route = AlarmRouter.Plan(change, Acme, Configured("owner"));

        Assert.Equal("alarm.escalated", Assert.Single(route.Webhooks).EventType);
        Assert.All(route.Live, m => Assert.Equal("escalated", m.Payload is AlarmEvent e ? e.Event : ((AlarmNotification)m.Payload).Event));
    }
}
