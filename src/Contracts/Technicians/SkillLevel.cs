namespace IotService.Contracts.Technicians;

[GenerateSerializer, Immutable]
public sealed record SkillLevel([property: Id(0)] string Skill, [property: Id(1)] int Level);
