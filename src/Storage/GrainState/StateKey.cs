namespace IotService.Storage.GrainState;

/// <summary>Where one grain's named state lives: the state name is part of the type so a grain may hold several.</summary>
internal readonly record struct StateKey(string GrainType, string GrainKey)
{
    public StateKey(string stateName, GrainId grainId)
        : this($"{grainId.Type}/{stateName}", grainId.Key.ToString())
    {
    }
}
