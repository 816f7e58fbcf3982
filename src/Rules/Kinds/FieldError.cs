namespace IotService.Rules.Kinds;

/// <summary>One problem with one field of a definition, in the words the API answers with.</summary>
public readonly record struct FieldError(string Field, string Message);
