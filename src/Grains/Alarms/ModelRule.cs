using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>
/// A model's rule ready to run on its devices: the definition (severity and kind belong to the alarm), its
/// fingerprint (a checkpoint built for another definition starts afresh) and what its kind compiled.
/// </summary>
public sealed record ModelRule(RuleDefinition Definition, string Fingerprint, ICompiledRule Compiled)
{
    public string Id => Definition.Id;

    public Severity Severity => Definition.Severity;
}
