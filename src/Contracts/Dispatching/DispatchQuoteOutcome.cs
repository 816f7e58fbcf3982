namespace IotService.Contracts.Dispatching;

/// <summary>How an override quote went.</summary>
public enum DispatchQuoteOutcome
{
    Quoted = 0,
    OrderNotFound = 1,
    TechnicianNotFound = 2,

    /// <summary>The order is past the point of reassignment (on the road or later), or has no location to price.</summary>
    NotPriceable = 3,
}
