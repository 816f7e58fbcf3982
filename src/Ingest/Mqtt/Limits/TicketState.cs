namespace IotService.Ingest.Mqtt.Limits;

/// <summary>Where a <see cref="ConnectionTicket"/> stands.</summary>
internal enum TicketState
{
    Unauthenticated = 0,
    Authenticated = 1,
    Expired = 2,
    Released = 3,
}
