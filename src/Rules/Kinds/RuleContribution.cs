namespace IotService.Rules.Kinds;

/// <summary>
/// How much one property contributes to a multivariate score: <paramref name="Share"/> of the total deviation (0 to 1),
/// the value observed and the value the learned relation expected for it.
/// </summary>
public sealed record RuleContribution(string Property, double Share, double Observed, double Expected);
