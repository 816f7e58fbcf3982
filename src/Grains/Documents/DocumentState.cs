namespace IotService.Grains.Documents;

/// <summary>Persistent state of a grain that owns one definition record.</summary>
[GenerateSerializer]
public sealed class DocumentState<T>
    where T : class
{
    [Id(0)] public T? Definition { get; set; }
}
