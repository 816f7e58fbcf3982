namespace IotService.Dispatch.Matching;

/// <summary>An order (index) held on one technician (index) in a joint solve, whatever the eligibility rules say.</summary>
internal readonly record struct OrderPin(int Order, int Technician);
