namespace IotService.Contracts.Models;

/// <summary>What ingest does with a reading that carries a property the model does not declare.</summary>
public enum UnknownPropertyPolicy
{
    /// <summary>The reading is rejected and counted as <c>undeclared_property</c>.</summary>
    Reject = 0,

    /// <summary>The undeclared values are dropped; the declared ones are kept.</summary>
    Ignore = 1,
}
