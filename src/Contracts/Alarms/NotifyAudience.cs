namespace IotService.Contracts.Alarms;

/// <summary>Who a model's actions notify (SPEC §6): the customer's account manager, their supervisor, the customer.</summary>
public enum NotifyAudience
{
    Owner = 0,
    Supervisor = 1,
    Customer = 2,
}
