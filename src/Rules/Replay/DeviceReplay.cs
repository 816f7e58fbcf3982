using IotService.Rules.Kinds;

namespace IotService.Rules.Replay;

// One device's place in a replay: its rule state, while firing the index of its open firing (-1 when that firing is
// not listed), and its first reading (standing in for its registration, which history does not keep).
internal readonly record struct DeviceReplay(IRuleState State, int OpenIndex, DateTimeOffset FirstReading);
