using IotService.Rules.Kinds;

namespace IotService.Rules.Replay;

// One device's place in a replay: its rule state and, while firing, the index of its open firing (-1 when that firing is not listed).
internal readonly record struct DeviceReplay(IRuleState State, int OpenIndex);
